// A reader run on a thread of its own, its events handed to a sink on the
// calling thread: parsing a file then overlaps what the sink does with the
// events (mapping, pseudonymising, storing) instead of adding to it.
//
// The sink sees exactly the calls, in the order, it would see if the reader ran
// on the calling thread; it is only ever called from the calling thread, so it
// need not be thread-safe. Calls travel in batches, a few at a time, so memory
// stays bounded. An exception from the reader (bad input) reaches the caller
// after the calls made before it; one from the sink (Cancelled) stops the
// reader at its next call and is rethrown once the reader's thread has ended.
#pragma once

#include "source_event.h"

#include <functional>

namespace strawman::model {

void readOnThread(EventSink& sink, const std::function<void(EventSink&)>& read);

} // namespace strawman::model

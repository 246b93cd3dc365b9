// The content hash that identifies a published map version. It covers what the
// map says (node keys, kinds, labels, activity codes, lanes, edges and their
// conditions) and not where boxes sit, so tidying a layout does not look like a
// change of process. Order of nodes and edges in storage does not matter.
#pragma once

#include "process_map.h"

#include <string>

namespace strawman::model {

std::string contentHash(const MapContent& map); // "sha256:" + 64 hex digits

} // namespace strawman::model

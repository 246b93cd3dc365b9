// The check of a whole import before it is kept (event_import.h): the import
// read back case by case from the store, counting its cases, its same-time and
// exact repeats, the events an earlier import of the trust holds already, and
// the orders that cannot happen in a real examination.
#pragma once

#include "import_report.h"
#include "import_unit.h"

#include <functional>

namespace strawman::model {

// Adds the counts to report. With dropExactRepeats, the exact repeats are left
// out of the events accepted. checked(fraction) is called now and then with
// the share of the stored cases read; it may throw (Cancelled).
void checkImport(ImportUnit& unit, ImportReport& report, bool dropExactRepeats,
                 const std::function<void(double fraction)>& checked);

} // namespace strawman::model

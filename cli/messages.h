// How the command line says what went wrong: the model's message, and what to
// do about it (model::Remedy) worded in the command's own options. main prints
// every error through messageOf.
#pragma once

#include "model/core/error.h"

#include <exception>
#include <string>

namespace strawman::cli {

std::string remedyText(model::Remedy remedy);
std::string messageOf(const std::exception& e);

} // namespace strawman::cli

// How the editor says what went wrong: the model's message, and what to do
// about it (model::Remedy) worded in the editor's own controls, never in the
// command line's options. Every error the editor shows goes through here.
#pragma once

#include "model/core/error.h"

#include <exception>
#include <string>

namespace strawman::editor {

std::string remedyText(model::Remedy remedy);
std::string errorText(const std::exception& e);

} // namespace strawman::editor

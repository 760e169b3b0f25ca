#pragma once

namespace stosim {
const char* version();
const char* git_commit();  // short hash, "-dirty" when the tree had changes, "unknown" outside git
}  // namespace stosim

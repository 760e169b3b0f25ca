#pragma once
// What an import read, kept and set aside: the counts printed by `stosim import` and every
// problem that was not an error, counted by kind (a warning is never a silent drop).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace stosim {

struct ImportWarnings {
  // Message (what happened and what the importer did) -> number of occurrences, the amount
  // involved (students or inhabitants, as the message says) and the first occurrence.
  struct Entry {
    std::int64_t count = 0;
    std::int64_t amount = 0;
    std::string example;  // "FILE:LINE: ..."
  };
  std::map<std::string, Entry> entries;

  void add(const std::string& what, const std::string& example, std::int64_t amount = 0) {
    Entry& e = entries[what];
    if (e.count++ == 0) e.example = example;
    e.amount += amount;
  }
  void merge(const ImportWarnings& other) {
    for (const auto& [what, e] : other.entries) {
      Entry& mine = entries[what];
      if (mine.count == 0) mine.example = e.example;
      mine.count += e.count;
      mine.amount += e.amount;
    }
  }
};

// One input file as read.
struct FileRead {
  std::string role, path, encoding;
  char separator = ';';
  std::size_t rows = 0;
};

}  // namespace stosim

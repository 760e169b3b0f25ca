#pragma once
// A small reader for the CSV files of DUO and CBS as their publishers write them: separated by
// ';' or ',' (detected from the header line), in UTF-8 or Windows-1252/ISO-8859-1 (detected from
// the bytes), quoted fields allowed, values trimmed. Text comes out as UTF-8. Problems are
// DataErrors naming file, line and column.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/data_error.hpp"

namespace stosim {

enum class Encoding { utf8, cp1252 };
std::string_view encoding_name(Encoding encoding);

struct CsvTable {
  std::string file;  // as named in messages
  Encoding encoding = Encoding::utf8;
  char separator = ';';
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> line;  // line in the file of each row (the header is line 1)

  std::size_t size() const { return rows.size(); }
  // Index of the first column whose name (ignoring case) is one of `names`.
  std::optional<std::size_t> find_column(std::initializer_list<std::string_view> names) const;
  // As find_column, or a DataError "FILE:1: missing column 'NAME' (the file has: ...)".
  std::size_t column(std::initializer_list<std::string_view> names) const;
  // "FILE:LINE: COLUMN" for messages about one value.
  std::string where(std::size_t row, std::size_t column) const;
};

// Reads and decodes a whole file; `file` names it in messages (defaults to the path).
CsvTable read_csv(const std::string& path);
// Parses bytes already in memory (tests, and read_csv).
CsvTable parse_csv(std::string_view bytes, const std::string& file);

// A published count: a whole number, or "<5" (DUO's small-number suppression: 1 to 4).
struct Count {
  std::int64_t value = 0;
  bool below_five = false;
};
std::optional<Count> parse_count(std::string_view text);
// A decimal number written with '.' or ',' as the decimal separator.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace stosim

#pragma once
// A small reader for the CSV files of DUO and CBS as their publishers write them: separated by
// ';' or ',' (detected from the header line), in UTF-8 or Windows-1252/ISO-8859-1 (detected from
// the bytes), quoted fields allowed, values trimmed. Text comes out as UTF-8. Problems are
// DataErrors naming file, line and column.
//
// One record per line: a quoted field may hold separators and quotes ("") but never runs past
// the end of its line, so that a stray '"' cannot swallow the lines up to the next quote. The
// rows are cross-checked against the non-blank lines, counted independently of the parser.
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
  std::vector<std::string> lines;  // the decoded text of every line, for independent checks

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

// One line split at `separator` on its own (quotes honoured within the line), fields trimmed:
// a second tokenizer, independent of the one that makes the rows, for cross-checks.
std::vector<std::string> split_line(std::string_view line, char separator);

// The largest count a DUO or CBS cell can plausibly hold (a whole school location, or the
// youth of one postcode, is far smaller); more is a broken file, not data.
inline constexpr std::int64_t max_plausible_count = 100000;

// A published count: a whole number 0..max_plausible_count, or "<5" (DUO's small-number
// suppression: 1 to 4).
struct Count {
  std::int64_t value = 0;
  bool below_five = false;
};
std::optional<Count> parse_count(std::string_view text);
// A decimal number written with '.' or ',' as the decimal separator.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace stosim

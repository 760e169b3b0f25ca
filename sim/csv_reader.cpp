#include "sim/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace stosim {

std::string_view encoding_name(Encoding encoding) {
  return encoding == Encoding::utf8 ? "UTF-8" : "Windows-1252/ISO-8859-1";
}

namespace {

// Windows-1252 code points of bytes 0x80-0x9F (0 where the byte is undefined).
constexpr std::array<char16_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view bytes, std::size_t i) {
  const auto b = static_cast<unsigned char>(bytes[i]);
  const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > bytes.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(bytes[i + k]) >> 6) != 0x2) return 0;
  if (n == 2 && b < 0xC2) return 0;  // overlong
  return n;
}

int line_at(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Decides the encoding from the bytes: valid UTF-8 throughout is UTF-8; no multi-byte UTF-8 at
// all is Windows-1252; both valid multi-byte sequences and invalid bytes is a broken file.
Encoding detect_encoding(std::string_view bytes, const std::string& file) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw DataError(fmt::format("{}:1: the file is UTF-16; save it as UTF-8 or Windows-1252 text", file));
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
    throw DataError(fmt::format("{}:{}: NUL byte: the file is binary or UTF-16, not CSV text in UTF-8 "
                                "or Windows-1252", file, line_at(bytes, nul)));
  std::size_t first_invalid = std::string_view::npos, first_multibyte = std::string_view::npos;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8_length(bytes, i);
    if (n == 0) {
      if (first_invalid == std::string_view::npos) first_invalid = i;
      ++i;
      continue;
    }
    if (n > 1 && first_multibyte == std::string_view::npos) first_multibyte = i;
    i += n;
  }
  if (first_invalid == std::string_view::npos) return Encoding::utf8;
  if (first_multibyte != std::string_view::npos)
    throw DataError(fmt::format(
        "{}:{}: broken encoding: byte 0x{:02X} is not UTF-8, but line {} is UTF-8 (a mix of "
        "encodings); download the file again or save it in one encoding",
        file, line_at(bytes, first_invalid), static_cast<unsigned char>(bytes[first_invalid]),
        line_at(bytes, first_multibyte)));
  return Encoding::cp1252;
}

std::string decode(std::string_view bytes, Encoding encoding, const std::string& file) {
  if (encoding == Encoding::utf8) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // byte-order mark
    return std::string(bytes);
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else if (b < 0xA0) {
      if (cp1252_high[b - 0x80] == 0)
        throw DataError(fmt::format("{}:{}: broken encoding: byte 0x{:02X} is no character in "
                                    "Windows-1252 or ISO-8859-1", file, line_at(bytes, i), b));
      append_utf8(out, cp1252_high[b - 0x80]);
    } else {
      append_utf8(out, b);  // ISO-8859-1 and Windows-1252 agree with Unicode here
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto not_space = [](char c) { return !std::isspace(static_cast<unsigned char>(c)); };
  const auto begin = std::find_if(s.begin(), s.end(), not_space);
  const auto end = std::find_if(s.rbegin(), s.rend(), not_space).base();
  return begin < end ? std::string(begin, end) : std::string();
}

char detect_separator(std::string_view header_line, const std::string& file) {
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (!quoted) semicolons += c == ';', commas += c == ',';
  }
  if (semicolons == 0 && commas == 0)
    throw DataError(fmt::format("{}:1: no ';' or ',' in the header line: not a CSV file", file));
  return semicolons >= commas ? ';' : ',';
}

// Splits text into records of fields; quoted fields may hold separators, quotes ("") and newlines.
void split_records(const std::string& text, CsvTable& t) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1, record_line = 1;
  const auto end_record = [&] {
    fields.push_back(was_quoted ? field : trim(field));
    const bool blank = fields.size() == 1 && fields[0].empty() && !was_quoted;
    if (!blank) {
      if (t.header.empty()) {
        t.header = std::move(fields);
      } else {
        t.rows.push_back(std::move(fields));
        t.line.push_back(record_line);
      }
    }
    fields.clear(), field.clear(), was_quoted = false, record_line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else if (c == '\n')
        throw DataError(fmt::format("{}:{}: a quoted field runs past the end of its line (a stray '\"'?); "
                                    "every record must be on one line", t.file, record_line));
      else field += c;
    } else if (c == '"' && trim(field).empty()) {
      quoted = was_quoted = true, field.clear();
    } else if (c == t.separator) {
      fields.push_back(was_quoted ? field : trim(field));
      field.clear(), was_quoted = false;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) throw DataError(fmt::format("{}:{}: a quoted field is never closed", t.file, record_line));
  if (!field.empty() || !fields.empty()) end_record();
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

CsvTable parse_csv(std::string_view bytes, const std::string& file) {
  CsvTable t;
  t.file = file;
  t.encoding = detect_encoding(bytes, file);
  const std::string text = decode(bytes, t.encoding, file);
  if (trim(text).empty()) throw DataError(fmt::format("{}:1: the file is empty", file));
  t.separator = detect_separator(std::string_view(text).substr(0, text.find('\n')), file);
  split_records(text, t);
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    t.lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::size_t data_lines = 0;  // non-blank lines after the header, counted without the parser
  bool header_seen = false;
  for (const std::string& l : t.lines) {
    if (trim(l).empty()) continue;
    if (header_seen) ++data_lines;
    header_seen = true;
  }
  if (data_lines != t.rows.size())
    throw DataError(fmt::format("{}: {} rows read from {} non-blank lines: lines were lost or merged", file,
                                t.rows.size(), data_lines));
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.rows[r].size() != t.header.size())
      throw DataError(fmt::format("{}:{}: expected {} fields separated by '{}' as in the header, "
                                  "found {}", file, t.line[r], t.header.size(), t.separator,
                                  t.rows[r].size()));
  return t;
}

CsvTable read_csv(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw DataError(fmt::format("{}: is a directory, not a CSV file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("{}: cannot read the file (does it exist?)", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_csv(bytes.str(), path);
}

std::optional<std::size_t> CsvTable::find_column(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names)
    for (std::size_t c = 0; c < header.size(); ++c)
      if (upper(header[c]) == upper(name)) return c;
  return std::nullopt;
}

std::size_t CsvTable::column(std::initializer_list<std::string_view> names) const {
  if (const auto c = find_column(names)) return *c;
  std::string present;
  for (const std::string& h : header) present += (present.empty() ? "" : ", ") + h;
  throw DataError(fmt::format("{}:1: missing column '{}' (the file has: {})", file, *names.begin(), present));
}

std::string CsvTable::where(std::size_t row, std::size_t column) const {
  return fmt::format("{}:{}: {}", file, line[row], column < header.size() ? header[column] : "?");
}

std::optional<Count> parse_count(std::string_view text) {
  if (text == "<5") return Count{0, true};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max_plausible_count ||
      text.empty())
    return std::nullopt;
  return Count{value, false};
}

std::vector<std::string> split_line(std::string_view line, char separator) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
    else if (c == '"') quoted = !quoted;
    else if (c == separator && !quoted) fields.emplace_back();
    else if (c != '\r') fields.back() += c;
  }
  for (std::string& f : fields) f = trim(f);
  return fields;
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string s(text);
  std::replace(s.begin(), s.end(), ',', '.');
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

}  // namespace stosim

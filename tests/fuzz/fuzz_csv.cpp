// libFuzzer target: any bytes as a DUO or CBS CSV file. The reader must return a table whose
// rows all have the header's width, or throw a DataError naming the file.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const stosim::CsvTable table = stosim::parse_csv(bytes, "fuzz.csv");
    for (std::size_t r = 0; r < table.size(); ++r) {
      if (table.rows[r].size() != table.header.size()) std::abort();
      for (const std::string& field : table.rows[r]) {
        (void)stosim::parse_count(field);
        (void)stosim::parse_decimal(field);
      }
      (void)table.where(r, 0);
    }
  } catch (const stosim::DataError&) {
  }
  return 0;
}

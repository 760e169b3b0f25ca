// The CSV reader behind the importer: separators, encodings, quotes, and its error messages.
#include <catch2/catch.hpp>

#include "sim/csv_reader.hpp"

using namespace stosim;

namespace {

std::string error_of(std::string_view bytes) {
  try {
    parse_csv(bytes, "f.csv");
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("CsvReader.SemicolonAndComma", "[csv]") {
  const CsvTable semi = parse_csv("A;B\n1;2\n3;4\n", "f.csv");
  CHECK(semi.separator == ';');
  CHECK(semi.header == std::vector<std::string>{"A", "B"});
  REQUIRE(semi.size() == 2);
  CHECK(semi.rows[1][1] == "4");
  CHECK(semi.line[1] == 3);
  const CsvTable comma = parse_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n", "f.csv");
  CHECK(comma.separator == ',');
  CHECK(comma.rows[0][0] == "x, y");
  CHECK(comma.rows[0][1] == "say \"hi\"");
}

TEST_CASE("CsvReader.TrimsAndSkipsBlankLines", "[csv]") {
  const CsvTable t = parse_csv("A;B\n  1 ;   \n\n2;3\n", "f.csv");
  REQUIRE(t.size() == 2);
  CHECK(t.rows[0][0] == "1");
  CHECK(t.rows[0][1].empty());
  CHECK(t.line[1] == 4);
}

TEST_CASE("CsvReader.DetectsEncodings", "[csv]") {
  // "Maritiem en Techniek" with e-diaeresis: 0xEB in Windows-1252, C3 AB in UTF-8.
  const CsvTable latin = parse_csv("NAAM;N\nZo\xEB;1\n", "f.csv");
  CHECK(latin.encoding == Encoding::cp1252);
  CHECK(latin.rows[0][0] == "Zo\xC3\xAB");
  const CsvTable utf8 = parse_csv("\xEF\xBB\xBFNAAM;N\nZo\xC3\xAB;1\n", "f.csv");
  CHECK(utf8.encoding == Encoding::utf8);
  CHECK(utf8.header[0] == "NAAM");  // the byte-order mark is not part of the name
  CHECK(utf8.rows[0][0] == "Zo\xC3\xAB");
  const CsvTable euro = parse_csv("A;B\n\x80;1\n", "f.csv");
  CHECK(euro.rows[0][0] == "\xE2\x82\xAC");
}

TEST_CASE("CsvReader.RefusesBrokenEncodings", "[csv]") {
  CHECK_THAT(error_of("A;B\nZo\xC3\xAB;1\nZo\xEB;2\n"),
             Catch::Contains("f.csv:3: broken encoding: byte 0xEB is not UTF-8, but line 2 is UTF-8"));
  CHECK_THAT(error_of("\xFF\xFE" "A\0;\0B\0"), Catch::Contains("f.csv:1: the file is UTF-16"));
  CHECK_THAT(error_of(std::string_view("A;B\n1\0;2\n", 9)), Catch::Contains("f.csv:2: NUL byte"));
  CHECK_THAT(error_of("A;B\n\x81;1\n"), Catch::Contains("f.csv:2: broken encoding: byte 0x81 is no character"));
}

TEST_CASE("CsvReader.RefusesMalformedTables", "[csv]") {
  CHECK_THAT(error_of("A;B\n1;2;3\n"), Catch::Contains("f.csv:2: expected 2 fields separated by ';' as in the header, found 3"));
  CHECK_THAT(error_of("just text\n"), Catch::Contains("f.csv:1: no ';' or ','"));
  CHECK_THAT(error_of(""), Catch::Contains("f.csv:1: the file is empty"));
  CHECK_THAT(error_of("A;B\n\"open;2"), Catch::Contains("f.csv:2: a quoted field is never closed"));
  // A quote that would run on to the next line: one record per line, never a swallowed line.
  CHECK_THAT(error_of("A;B\n\"open;2\n3;4\n"), Catch::Contains("f.csv:2: a quoted field runs past the end of its line"));
}

TEST_CASE("CsvReader.ColumnsByName", "[csv]") {
  const CsvTable t = parse_csv("BRIN NUMMER;AFDELING\n00AH;x\n", "f.csv");
  CHECK(t.column({"brin nummer"}) == 0);
  CHECK(t.column({"OPLEIDING", "AFDELING"}) == 1);
  CHECK_FALSE(t.find_column({"LEERWEG"}));
  try {
    t.column({"LEERWEG"});
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("f.csv:1: missing column 'LEERWEG' (the file has: BRIN NUMMER, AFDELING)"));
  }
  CHECK(t.where(0, 1) == "f.csv:2: AFDELING");
}

TEST_CASE("CsvReader.Counts", "[csv]") {
  CHECK(parse_count("17")->value == 17);
  CHECK(parse_count("<5")->below_five);
  CHECK_FALSE(parse_count(""));
  CHECK_FALSE(parse_count("12a"));
  CHECK_FALSE(parse_count("-3"));
  CHECK(*parse_decimal("52,25") == Approx(52.25));
  CHECK(*parse_decimal("4.9") == Approx(4.9));
  CHECK_FALSE(parse_decimal("x"));
}

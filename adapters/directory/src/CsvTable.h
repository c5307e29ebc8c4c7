#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "qujat/engine/Status.h"

namespace qujat::directory {

// One CSV record and the physical line (1-based) on which it starts.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

// Splits RFC 4180 text into records: comma separator; a field starting with '"' is quoted
// and may hold commas, CR, LF and '""' (one quote); records end with CRLF or LF (the last
// one may have none). A UTF-8 BOM at the start is skipped; empty lines are skipped.
// The text must be valid UTF-8. Errors are kInvalidArgument "<fileName>:<line>: message"
// (unterminated quote, a quote inside an unquoted field, text after a closing quote, a
// bare CR, invalid UTF-8), naming the line the record starts on.
[[nodiscard]] engine::Result<std::vector<CsvRecord>> readCsv(std::string_view text, const std::string& fileName);

// Appends one record, LF-terminated, quoting the fields that need it.
void appendCsvRecord(std::string& out, const std::vector<std::string>& fields);

}  // namespace qujat::directory

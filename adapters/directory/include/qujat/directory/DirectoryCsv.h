#pragma once

#include <string>
#include <vector>

#include "qujat/directory/DirectoryData.h"
#include "qujat/engine/Status.h"

namespace qujat::directory {

// The texts of the four CSV files of a directory (orgs.csv, users.csv, grants.csv,
// delegations.csv), as read from or written to disk. Columns and rules: docs/directory.md.
struct DirectoryCsvFiles {
    std::string orgs, users, grants, delegations;
};

// Parses and validates a directory: RFC 4180 CSV (comma separator, "" inside quotes,
// CRLF or LF, UTF-8 with an optional BOM, a header row naming the columns in any order).
// `knownRoles` are the role names grants and delegations may use. An empty `delegations`
// text means no delegations; the other three files need at least their header row.
//
// On success the data is in file order (orgs: parents before children, which the file
// must already respect). Otherwise kInvalidArgument whose message lists the problems, one
// per line, each as "<file>:<line>: <message>" where line is the physical line on which
// the offending record starts (the header is line 1); at most 20 are listed. A reference
// to a row that is present but itself invalid is not reported again. Thread-safe.
[[nodiscard]] engine::Result<DirectoryData> parseDirectoryCsv(const DirectoryCsvFiles& files,
                                                              const std::vector<std::string>& knownRoles);

// Writes a directory as the four CSV files: UTF-8 without a BOM, LF line endings, a
// header row, fields quoted only when they hold a comma, quote, CR or LF. Instants at
// midnight UTC are written as dates ("2025-01-01"), others as "2025-01-01T09:30:00Z"
// (with ".123" before the Z when they carry milliseconds). parseDirectoryCsv gives back
// exactly `data` for any valid directory whose instants fall in years 1900-9999 (ids,
// paths and password hashes are not part of the files and come back empty). Thread-safe.
DirectoryCsvFiles writeDirectoryCsv(const DirectoryData& data);

}  // namespace qujat::directory

#include "CsvTable.h"

#include "qujat/engine/Utf8.h"

namespace qujat::directory {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

engine::Status syntaxError(const std::string& fileName, int line, const std::string& message) {
    return engine::invalidArgument(fileName + ":" + std::to_string(line) + ": " + message);
}

// The first physical line holding an invalid UTF-8 sequence. Lines can be checked one by
// one because no multi-byte sequence contains the byte '\n'.
int firstInvalidUtf8Line(std::string_view text) {
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!engine::isValidUtf8(text.substr(start, end - start))) return line;
        start = end + 1;
        ++line;
    }
    return line;
}

}  // namespace

engine::Result<std::vector<CsvRecord>> readCsv(std::string_view text, const std::string& fileName) {
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    if (!engine::isValidUtf8(text))
        return syntaxError(fileName, firstInvalidUtf8Line(text), "invalid UTF-8 (save the file as UTF-8)");

    std::vector<CsvRecord> records;
    std::size_t pos = 0;
    int line = 1;
    const std::size_t n = text.size();
    while (pos < n) {
        if (text[pos] == '\n' || text.substr(pos, 2) == "\r\n") {  // an empty line
            pos += text[pos] == '\n' ? 1 : 2;
            ++line;
            continue;
        }
        CsvRecord record;
        record.line = line;
        for (;;) {
            std::string field;
            if (pos < n && text[pos] == '"') {
                const int openedOn = line;
                ++pos;
                for (;;) {
                    if (pos >= n)
                        return syntaxError(fileName, record.line,
                                           "unterminated quoted field (the quote opened on line " +
                                               std::to_string(openedOn) + " is never closed)");
                    const char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < n && text[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++pos;
                }
                if (pos < n && text[pos] != ',' && text[pos] != '\n' && text.substr(pos, 2) != "\r\n")
                    return syntaxError(fileName, record.line,
                                       "unexpected text after a closing quote (a quote inside a quoted field is "
                                       "written as \"\")");
            } else {
                const std::size_t start = pos;
                while (pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
                    if (text[pos] == '"')
                        return syntaxError(fileName, record.line,
                                           "quote inside an unquoted field (quote the whole field and write the "
                                           "quote as \"\")");
                    ++pos;
                }
                if (pos < n && text[pos] == '\r' && text.substr(pos, 2) != "\r\n")
                    return syntaxError(fileName, record.line, "carriage return not followed by a line feed");
                field.assign(text.substr(start, pos - start));
            }
            record.fields.push_back(std::move(field));
            if (pos >= n) break;
            if (text[pos] == ',') {
                ++pos;
                continue;
            }
            pos += text[pos] == '\n' ? 1 : 2;  // LF or CRLF
            ++line;
            break;
        }
        records.push_back(std::move(record));
    }
    return records;
}

void appendCsvRecord(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        const std::string& f = fields[i];
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += '\n';
}

}  // namespace qujat::directory

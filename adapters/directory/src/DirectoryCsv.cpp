#include "qujat/directory/DirectoryCsv.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "CsvTable.h"

namespace qujat::directory {

using engine::GrantScope;
using engine::Millis;
using engine::OrgLevel;
using engine::Status;

namespace {

constexpr std::size_t kMaxErrors = 20;
constexpr Millis kDay = 24LL * 3600 * 1000;

const char* const kOrgColumns[] = {"code", "parent_code", "level", "name_kk", "name_ru", "name_en"};
const char* const kUserColumns[] = {"login", "display_name", "home_org", "email"};
const char* const kGrantColumns[] = {"login", "role", "org", "scope", "valid_from", "valid_to"};
const char* const kDelegationColumns[] = {"from_login", "to_login", "role", "valid_from", "valid_to"};

// Problems found so far, each "<file>:<line>: <message>"; keeps the first kMaxErrors.
class ErrorList {
public:
    void add(const std::string& file, int line, const std::string& message) {
        add(file + ":" + std::to_string(line) + ": " + message);
    }
    void add(std::string formatted) {
        if (lines_.size() < kMaxErrors) lines_.push_back(std::move(formatted));
        else truncated_ = true;
    }
    bool empty() const { return lines_.empty(); }
    Status status() const {
        std::string message;
        for (const std::string& l : lines_) message += (message.empty() ? "" : "\n") + l;
        if (truncated_) message += "\n(more problems not shown: only the first " + std::to_string(kMaxErrors) +
                                   " are listed)";
        return engine::invalidArgument(message);
    }

private:
    std::vector<std::string> lines_;
    bool truncated_ = false;
};

// A CSV file whose header has been checked: rows with their fields in canonical column
// order (whatever the order in the file).
struct Table {
    std::string file;
    bool readable = false;  // false: syntax or header errors; its rows are unknown
    std::vector<CsvRecord> rows;
    // First-column values (code, login) of the rows dropped for a wrong field count, with
    // their lines: references to them are not reported again.
    std::vector<std::pair<std::string, int>> droppedKeys;
};

template <std::size_t N>
std::string joined(const char* const (&columns)[N]) {
    std::string s;
    for (const char* c : columns) s += (s.empty() ? "" : ",") + std::string(c);
    return s;
}

// Reads `text` as CSV and maps its columns onto `columns`. An empty text is a missing
// header unless `emptyAllowed`. Rows with the wrong number of fields are reported and
// dropped.
template <std::size_t N>
Table openTable(const std::string& file, const std::string& text, const char* const (&columns)[N], bool emptyAllowed,
                ErrorList& errors) {
    Table table;
    table.file = file;
    auto records = readCsv(text, file);
    if (!records.isOk()) {
        errors.add(records.status().message());
        return table;
    }
    if (records->empty()) {
        if (emptyAllowed) {
            table.readable = true;
        } else {
            errors.add(file, 1, "missing header row (expected " + joined(columns) + ")");
        }
        return table;
    }
    const CsvRecord& header = records->front();
    std::vector<int> position(N, -1);  // column → index in the file's records
    std::string problems;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string& name = header.fields[i];
        const auto* it = std::find_if(std::begin(columns), std::end(columns), [&](const char* c) { return name == c; });
        if (it == std::end(columns)) {
            problems += (problems.empty() ? "" : ", ") + ("unknown column '" + name + "'");
            continue;
        }
        const std::size_t c = static_cast<std::size_t>(it - std::begin(columns));
        if (position[c] >= 0) problems += (problems.empty() ? "" : ", ") + ("column '" + name + "' appears twice");
        position[c] = static_cast<int>(i);
    }
    for (std::size_t c = 0; c < N; ++c)
        if (position[c] < 0)
            problems += (problems.empty() ? "" : ", ") + std::string("missing column '") + columns[c] + "'";
    if (!problems.empty()) {
        errors.add(file, header.line, "bad header row: " + problems + " (expected " + joined(columns) + ")");
        return table;
    }
    table.readable = true;
    for (std::size_t r = 1; r < records->size(); ++r) {
        CsvRecord& record = (*records)[r];
        if (record.fields.size() != header.fields.size()) {
            errors.add(file, record.line,
                       "expected " + std::to_string(header.fields.size()) + " fields, found " +
                           std::to_string(record.fields.size()));
            if (static_cast<std::size_t>(position[0]) < record.fields.size() && !record.fields[position[0]].empty())
                table.droppedKeys.emplace_back(record.fields[position[0]], record.line);
            continue;
        }
        CsvRecord mapped;
        mapped.line = record.line;
        for (std::size_t c = 0; c < N; ++c) mapped.fields.push_back(std::move(record.fields[position[c]]));
        table.rows.push_back(std::move(mapped));
    }
    return table;
}

bool isAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// [a-z0-9][a-z0-9._-]{0,63}
bool isValidLogin(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

// [A-Za-z0-9][A-Za-z0-9._-]{0,31}
bool isValidCode(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!isAsciiAlnum(s[i]) && (i == 0 || (s[i] != '.' && s[i] != '_' && s[i] != '-'))) return false;
    return true;
}

// A deliberately loose check: one '@', something on both sides, a dot in the domain, no
// spaces or control characters.
bool isPlausibleEmail(const std::string& s) {
    const std::size_t at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos || s.size() > 254)
        return false;
    const std::string domain = s.substr(at + 1);
    if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.') return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == ','; });
}

// C0 control characters other than tab, CR and LF (which quoted fields may hold).
bool hasControlCharacter(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
    });
}

bool isDigits(const std::string& s, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
}

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::optional<Millis> parseInstant(const std::string& text) {
    if (text.size() == 24 && text[19] == '.' && text[23] == 'Z' && isDigits(text, 20, 3)) {
        auto whole = engine::parseIsoUtc(text.substr(0, 19) + "Z");
        if (!whole) return std::nullopt;
        return *whole + std::stoi(text.substr(20, 3));
    }
    return engine::parseIsoUtc(text);
}

Millis floorMod(Millis a, Millis b) { return ((a % b) + b) % b; }

std::string formatInstant(Millis t) {
    if (floorMod(t, kDay) == 0) return engine::formatIsoUtc(t).substr(0, 10);
    std::string s = engine::formatIsoUtc(t);
    const Millis ms = floorMod(t, 1000);
    if (ms != 0) {
        std::string frac = std::to_string(ms);
        s.insert(s.size() - 1, "." + std::string(3 - frac.size(), '0') + frac);
    }
    return s;
}

const char* scopeName(GrantScope scope) { return scope == GrantScope::kSubtree ? "subtree" : "org"; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Where each key first appears in a file (all rows, valid or not): references to a row
// that exists but is itself invalid are not reported twice, and "listed after" can be told
// from "unknown".
using FirstLines = std::map<std::string, int>;

// Validates and converts the rows of each file. Each row reports at most its first problem.
class DirectoryParser {
public:
    DirectoryParser(const std::vector<std::string>& knownRoles, ErrorList& errors)
        : knownRoles_(knownRoles.begin(), knownRoles.end()), errors_(errors) {
        for (const std::string& r : knownRoles) knownRoleList_ += (knownRoleList_.empty() ? "" : ", ") + r;
    }

    void orgs(const Table& t) {
        orgsReadable_ = t.readable;
        firstLines(t, orgLines_);
        std::optional<CsvRecord> central;  // the first valid central office
        for (const CsvRecord& r : t.rows) {
            engine::Org o;
            std::string problem = org(r, o, central);
            if (!problem.empty()) {
                errors_.add(t.file, r.line, problem);
                continue;
            }
            validOrgLevels_.emplace(o.code, o.level);
            data_.orgs.push_back(std::move(o));
        }
    }

    void users(const Table& t) {
        usersReadable_ = t.readable;
        firstLines(t, userLines_);
        for (const CsvRecord& r : t.rows) {
            engine::User u;
            std::string problem = user(r, u);
            if (!problem.empty()) {
                errors_.add(t.file, r.line, problem);
                continue;
            }
            data_.users.push_back(std::move(u));
        }
    }

    void grants(const Table& t) {
        grantsReadable_ = t.readable;
        for (const CsvRecord& r : t.rows) heldRoles_.emplace(r.fields[0], r.fields[1]);
        std::map<std::string, int> seen;
        for (const CsvRecord& r : t.rows) {
            engine::RoleGrant g;
            std::string problem = grant(r, g, seen);
            if (!problem.empty()) {
                errors_.add(t.file, r.line, problem);
                continue;
            }
            data_.grants.push_back(std::move(g));
        }
    }

    void delegations(const Table& t) {
        std::map<std::string, int> seen;
        for (const CsvRecord& r : t.rows) {
            engine::Delegation d;
            std::string problem = delegation(r, d, seen);
            if (!problem.empty()) {
                errors_.add(t.file, r.line, problem);
                continue;
            }
            data_.delegations.push_back(std::move(d));
        }
    }

    DirectoryData take() { return std::move(data_); }

private:
    // Where each first-column value first appears, over all rows including dropped ones.
    static void firstLines(const Table& t, FirstLines& lines) {
        for (const CsvRecord& r : t.rows)
            if (!r.fields[0].empty()) lines.emplace(r.fields[0], r.line);
        for (const auto& [key, line] : t.droppedKeys) {
            auto [it, inserted] = lines.emplace(key, line);
            if (!inserted && line < it->second) it->second = line;
        }
    }

    // Each returns "" when the row is valid, else its first problem.
    std::string org(const CsvRecord& r, engine::Org& o, std::optional<CsvRecord>& central) {
        const std::string& code = r.fields[0];
        const std::string& parent = r.fields[1];
        const std::string& level = r.fields[2];
        if (code.empty()) return "empty code";
        if (!isValidCode(code))
            return "invalid code " + quoted(code) +
                   " (ASCII letters, digits, '.', '_' and '-', starting with a letter or digit, at most 32)";
        if (int first = orgLines_.at(code); first != r.line)
            return "duplicate code " + quoted(code) + " (first on line " + std::to_string(first) + ")";
        if (level.empty()) return "empty level";
        auto parsedLevel = engine::parseOrgLevel(level);
        if (!parsedLevel) return "unknown level " + quoted(level) + " (expected central, region, district or primary)";
        if (*parsedLevel == OrgLevel::kCentral) {
            if (!parent.empty()) return "the central office has no parent_code (found " + quoted(parent) + ")";
            if (central)
                return "a second central office (the first is " + quoted(central->fields[0]) + " on line " +
                       std::to_string(central->line) + ")";
            central = r;
        } else {
            if (parent.empty()) return "empty parent_code (only the central office has none)";
            if (parent == code) return quoted(code) + " is its own parent";
            auto p = orgLines_.find(parent);
            if (p == orgLines_.end()) return "unknown parent_code " + quoted(parent);
            if (p->second > r.line)
                return "parent_code " + quoted(parent) + " is listed after its child (on line " +
                       std::to_string(p->second) + "); list parents before their children";
            auto valid = validOrgLevels_.find(parent);
            if (valid == validOrgLevels_.end()) return "";  // the parent's own row is reported
            const int expected = static_cast<int>(*parsedLevel) - 1;
            if (static_cast<int>(valid->second) != expected)
                return "parent_code " + quoted(parent) + " is a " + engine::orgLevelName(valid->second) +
                       " org, but a " + level + " org's parent must be a " +
                       engine::orgLevelName(static_cast<OrgLevel>(expected)) + " org";
        }
        if (r.fields[3].empty()) return "empty name_kk";
        if (r.fields[4].empty()) return "empty name_ru";
        for (int i = 3; i <= 5; ++i)
            if (hasControlCharacter(r.fields[i])) return std::string("control character in ") + kOrgColumns[i];
        o.code = code;
        if (!parent.empty()) o.parentCode = parent;
        o.level = *parsedLevel;
        o.nameKk = r.fields[3];
        o.nameRu = r.fields[4];
        o.nameEn = r.fields[5];
        return "";
    }

    std::string user(const CsvRecord& r, engine::User& u) {
        const std::string& login = r.fields[0];
        if (login.empty()) return "empty login";
        if (!isValidLogin(login))
            return "invalid login " + quoted(login) +
                   " (lower-case ASCII letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64)";
        if (int first = userLines_.at(login); first != r.line)
            return "duplicate login " + quoted(login) + " (first on line " + std::to_string(first) + ")";
        if (r.fields[1].empty()) return "empty display_name";
        if (hasControlCharacter(r.fields[1])) return "control character in display_name";
        if (r.fields[2].empty()) return "empty home_org";
        if (orgsReadable_ && !orgLines_.count(r.fields[2])) return "unknown home_org " + quoted(r.fields[2]);
        if (!r.fields[3].empty() && !isPlausibleEmail(r.fields[3])) return "invalid email " + quoted(r.fields[3]);
        u.login = login;
        u.displayName = r.fields[1];
        u.homeOrgCode = r.fields[2];
        u.email = r.fields[3];
        return "";
    }

    std::string knownUser(const std::string& login, const char* column) const {
        if (login.empty()) return std::string("empty ") + column;
        if (usersReadable_ && !userLines_.count(login))
            return std::string("unknown user ") + quoted(login) + " in " + column;
        return "";
    }

    std::string knownRole(const std::string& role) const {
        if (role.empty()) return "empty role";
        if (!knownRoles_.count(role)) return "unknown role " + quoted(role) + " (known roles: " + knownRoleList_ + ")";
        return "";
    }

    // Reads valid_from and valid_to (fields `from` and `from + 1`).
    static std::string period(const CsvRecord& r, std::size_t from, bool toRequired, Millis& validFrom,
                              std::optional<Millis>& validTo) {
        const std::string& a = r.fields[from];
        const std::string& b = r.fields[from + 1];
        const char* const kExpected = " (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)";
        if (a.empty()) return "empty valid_from";
        auto parsedFrom = parseInstant(a);
        if (!parsedFrom) return "bad valid_from " + quoted(a) + kExpected;
        validFrom = *parsedFrom;
        if (b.empty()) {
            if (toRequired) return "empty valid_to";
            return "";
        }
        auto parsedTo = parseInstant(b);
        if (!parsedTo) return "bad valid_to " + quoted(b) + kExpected;
        if (*parsedTo <= *parsedFrom) return "valid_to " + b + " is not after valid_from " + a;
        validTo = *parsedTo;
        return "";
    }

    std::string grant(const CsvRecord& r, engine::RoleGrant& g, std::map<std::string, int>& seen) {
        const std::vector<std::string>& f = r.fields;
        if (std::string p = knownUser(f[0], "login"); !p.empty()) return p;
        if (std::string p = knownRole(f[1]); !p.empty()) return p;
        if (f[2].empty()) return "empty org";
        if (orgsReadable_ && !orgLines_.count(f[2])) return "unknown org " + quoted(f[2]);
        if (f[3] == "org") g.scope = GrantScope::kOrg;
        else if (f[3] == "subtree") g.scope = GrantScope::kSubtree;
        else if (f[3].empty()) return "empty scope";
        else return "unknown scope " + quoted(f[3]) + " (expected org or subtree)";
        if (std::string p = period(r, 4, false, g.validFrom, g.validTo); !p.empty()) return p;
        const std::string key = f[0] + '\n' + f[1] + '\n' + f[2] + '\n' + f[3] + '\n' + std::to_string(g.validFrom) +
                                '\n' + (g.validTo ? std::to_string(*g.validTo) : "");
        if (auto [it, inserted] = seen.emplace(key, r.line); !inserted)
            return "duplicate grant (the same as line " + std::to_string(it->second) + ")";
        g.login = f[0];
        g.role = f[1];
        g.orgCode = f[2];
        return "";
    }

    std::string delegation(const CsvRecord& r, engine::Delegation& d, std::map<std::string, int>& seen) {
        const std::vector<std::string>& f = r.fields;
        if (std::string p = knownUser(f[0], "from_login"); !p.empty()) return p;
        if (std::string p = knownUser(f[1], "to_login"); !p.empty()) return p;
        if (f[0] == f[1]) return quoted(f[0]) + " delegates to themselves";
        if (std::string p = knownRole(f[2]); !p.empty()) return p;
        if (grantsReadable_ && !heldRoles_.count({f[0], f[2]}))
            return quoted(f[0]) + " has no " + quoted(f[2]) + " grant in grants.csv to delegate";
        std::optional<Millis> to;
        if (std::string p = period(r, 3, true, d.validFrom, to); !p.empty()) return p;
        d.validTo = *to;
        const std::string key = f[0] + '\n' + f[1] + '\n' + f[2] + '\n' + std::to_string(d.validFrom) + '\n' +
                                std::to_string(d.validTo);
        if (auto [it, inserted] = seen.emplace(key, r.line); !inserted)
            return "duplicate delegation (the same as line " + std::to_string(it->second) + ")";
        d.fromLogin = f[0];
        d.toLogin = f[1];
        d.role = f[2];
        return "";
    }

    std::set<std::string> knownRoles_;
    std::string knownRoleList_;
    ErrorList& errors_;
    DirectoryData data_;
    bool orgsReadable_ = false, usersReadable_ = false, grantsReadable_ = false;
    FirstLines orgLines_, userLines_;
    std::map<std::string, OrgLevel> validOrgLevels_;
    std::set<std::pair<std::string, std::string>> heldRoles_;  // (login, role) of every grant row
};

}  // namespace

engine::Result<DirectoryData> parseDirectoryCsv(const DirectoryCsvFiles& files,
                                                const std::vector<std::string>& knownRoles) {
    ErrorList errors;
    DirectoryParser parser(knownRoles, errors);
    parser.orgs(openTable("orgs.csv", files.orgs, kOrgColumns, false, errors));
    parser.users(openTable("users.csv", files.users, kUserColumns, false, errors));
    parser.grants(openTable("grants.csv", files.grants, kGrantColumns, false, errors));
    parser.delegations(openTable("delegations.csv", files.delegations, kDelegationColumns, true, errors));
    if (!errors.empty()) return errors.status();
    return parser.take();
}

DirectoryCsvFiles writeDirectoryCsv(const DirectoryData& data) {
    auto header = [](const auto& columns) { return std::vector<std::string>(std::begin(columns), std::end(columns)); };
    DirectoryCsvFiles out;
    appendCsvRecord(out.orgs, header(kOrgColumns));
    for (const engine::Org& o : data.orgs)
        appendCsvRecord(out.orgs, {o.code, o.parentCode.value_or(""), engine::orgLevelName(o.level), o.nameKk, o.nameRu,
                                   o.nameEn});
    appendCsvRecord(out.users, header(kUserColumns));
    for (const engine::User& u : data.users)
        appendCsvRecord(out.users, {u.login, u.displayName, u.homeOrgCode, u.email});
    appendCsvRecord(out.grants, header(kGrantColumns));
    for (const engine::RoleGrant& g : data.grants)
        appendCsvRecord(out.grants, {g.login, g.role, g.orgCode, scopeName(g.scope), formatInstant(g.validFrom),
                                     g.validTo ? formatInstant(*g.validTo) : ""});
    appendCsvRecord(out.delegations, header(kDelegationColumns));
    for (const engine::Delegation& d : data.delegations)
        appendCsvRecord(out.delegations,
                        {d.fromLogin, d.toLogin, d.role, formatInstant(d.validFrom), formatInstant(d.validTo)});
    return out;
}

}  // namespace qujat::directory

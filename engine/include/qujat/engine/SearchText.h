#pragma once

#include <map>
#include <string>

namespace qujat::engine {

// What full-text search indexes for a document: its title, its field values and, for
// text/* content that is valid UTF-8, the text itself (up to a bound). Russian "ё" is
// written as "е", as people type it, here and in queries (searchQueryText).
std::string searchableText(const std::string& title, const std::map<std::string, std::string>& fields,
                           const std::string& mediaType, const std::string& content);

// A user's search words with "ё" folded like searchableText, for the store's matcher.
std::string searchQueryText(const std::string& words);

}  // namespace qujat::engine

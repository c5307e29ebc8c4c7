#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "Outcome.h"
#include "Problem.h"

namespace qujat::http {

// Reads the members of a JSON request object, refusing with a 400 problem that names the
// member: any member not in `known` (so a typo is not silently ignored), a missing required
// member, or a member of the wrong type. `what` names the object in messages ("the request
// body", "the 'fields' part").
class JsonObjectReader {
public:
    static Outcome<JsonObjectReader> from(const Poco::Dynamic::Var& value, std::initializer_list<const char*> known,
                                          std::string what = "the request body");

    Outcome<std::string> requiredString(const std::string& name) const;
    Outcome<std::optional<std::string>> optionalString(const std::string& name) const;
    Outcome<std::optional<std::int64_t>> optionalInteger(const std::string& name) const;

private:
    JsonObjectReader(Poco::JSON::Object::Ptr object, std::string what)
        : object_(std::move(object)), what_(std::move(what)) {}

    Poco::JSON::Object::Ptr object_;
    std::string what_;
};

// Document fields as a JSON object of names to strings (numbers and booleans are taken as
// their text, so {"present": 12} and {"present": "12"} mean the same); 400 naming the member
// for anything else.
Outcome<std::map<std::string, std::string>> fieldsFromJson(const Poco::Dynamic::Var& value, const std::string& what);

}  // namespace qujat::http

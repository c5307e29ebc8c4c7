#include "JsonObjectReader.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <vector>

namespace qujat::http {

namespace {

bool isObject(const Poco::Dynamic::Var& v) { return v.type() == typeid(Poco::JSON::Object::Ptr); }

std::string typeName(const Poco::Dynamic::Var& v) {
    if (v.isEmpty()) return "null";
    if (isObject(v)) return "an object";
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) return "an array";
    if (v.isString()) return "a string";
    if (v.isBoolean()) return "a boolean";
    if (v.isInteger()) return "an integer";
    return "a number";
}

}  // namespace

Outcome<JsonObjectReader> JsonObjectReader::from(const Poco::Dynamic::Var& value, std::initializer_list<const char*> known,
                                                 std::string what) {
    if (!isObject(value))
        return problem(400, "malformed-request", what + " must be a JSON object, not " + typeName(value));
    auto object = value.extract<Poco::JSON::Object::Ptr>();
    std::vector<std::string> names;
    object->getNames(names);
    for (const auto& name : names)
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) {
            std::string allowed;
            for (const char* k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
            return problem(400, "unknown-field",
                           what + " has an unknown member \"" + name + "\"; the members are: " + allowed);
        }
    return JsonObjectReader(object, std::move(what));
}

Outcome<std::string> JsonObjectReader::requiredString(const std::string& name) const {
    auto v = optionalString(name);
    if (!v.ok()) return v.problem();
    if (!*v) return problem(400, "missing-field", what_ + " needs the member \"" + name + "\"");
    return **v;
}

Outcome<std::optional<std::string>> JsonObjectReader::optionalString(const std::string& name) const {
    if (!object_->has(name) || object_->get(name).isEmpty()) return std::optional<std::string>();
    const Poco::Dynamic::Var& v = object_->get(name);
    if (!v.isString())
        return problem(400, "wrong-type", "the member \"" + name + "\" of " + what_ + " must be a string, not " + typeName(v));
    return std::optional<std::string>(v.extract<std::string>());
}

Outcome<std::optional<std::int64_t>> JsonObjectReader::optionalInteger(const std::string& name) const {
    if (!object_->has(name) || object_->get(name).isEmpty()) return std::optional<std::int64_t>();
    const Poco::Dynamic::Var& v = object_->get(name);
    if (!v.isInteger() || v.isBoolean())
        return problem(400, "wrong-type",
                       "the member \"" + name + "\" of " + what_ + " must be an integer, not " + typeName(v));
    return std::optional<std::int64_t>(v.convert<Poco::Int64>());
}

Outcome<std::map<std::string, std::string>> fieldsFromJson(const Poco::Dynamic::Var& value, const std::string& what) {
    if (!isObject(value))
        return problem(400, "malformed-request", what + " must be a JSON object of field names to values, not " +
                                                     typeName(value));
    auto object = value.extract<Poco::JSON::Object::Ptr>();
    std::map<std::string, std::string> fields;
    std::vector<std::string> names;
    object->getNames(names);
    for (const auto& name : names) {
        const Poco::Dynamic::Var& v = object->get(name);
        if (v.isString()) fields[name] = v.extract<std::string>();
        else if (v.isBoolean()) fields[name] = v.extract<bool>() ? "true" : "false";
        else if (v.isInteger()) fields[name] = std::to_string(v.convert<Poco::Int64>());
        else
            return problem(400, "wrong-type",
                           "the field \"" + name + "\" in " + what + " must be a string, number or boolean, not " +
                               typeName(v));
    }
    return fields;
}

}  // namespace qujat::http

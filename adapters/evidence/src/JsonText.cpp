#include "JsonText.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

namespace qujat::evidence {

namespace {

constexpr std::size_t kMaxJsonBytes = 64u << 20;
constexpr int kMaxNesting = 64;

// Whether brackets outside strings nest at most `limit` deep.
bool nestingWithin(const std::string& text, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

}  // namespace

engine::Result<Poco::JSON::Object::Ptr> parseJsonObject(const std::string& text, const std::string& what) {
    if (text.size() > kMaxJsonBytes) return engine::invalidArgument(what + " is larger than 64 MiB");
    if (!nestingWithin(text, kMaxNesting))
        return engine::invalidArgument(what + " nests more than " + std::to_string(kMaxNesting) + " levels deep");
    try {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) {
            Poco::JSON::Object::Ptr object = parsed.extract<Poco::JSON::Object::Ptr>();
            if (object) return object;
        }
    } catch (const Poco::Exception& ex) {
        return engine::invalidArgument(what + " is not JSON: " + ex.displayText());
    } catch (const std::exception& ex) {
        return engine::invalidArgument(what + " is not JSON: " + ex.what());
    }
    return engine::invalidArgument(what + " is not a JSON object");
}

}  // namespace qujat::evidence

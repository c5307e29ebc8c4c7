#include "qujat/evidence/PackageVerification.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace qujat::evidence {

bool PackageVerification::passed() const {
    if (checks.empty()) return false;
    for (const PackageCheck& c : checks)
        if (!c.passed) return false;
    return true;
}

std::optional<PackageCheck> PackageVerification::firstFailure() const {
    for (const PackageCheck& c : checks)
        if (!c.passed) return c;
    return std::nullopt;
}

std::string PackageVerification::toText() const {
    std::ostringstream out;
    if (documentId == 0)
        out << "evidence package (its manifest is unusable)\n";
    else
        out << "evidence package of document #" << documentId << " «" << title << "», exported " << exportedAt
            << " by " << exportedBy << "\n";
    std::size_t failed = 0;
    for (const PackageCheck& c : checks) {
        out << (c.passed ? "PASSED  " : "FAILED  ") << c.name << ": " << c.detail << "\n";
        if (!c.passed) ++failed;
    }
    for (const std::string& anchor : trustAnchors)
        out << "trust anchor: " << anchor << " (compare with a fingerprint obtained independently)\n";
    if (!chainHeadHash.empty())
        out << "audit chain head at export: #" << chainHeadSeq << " " << chainHeadHash << "\n";
    if (passed()) {
        out << "result: PASSED (" << checks.size() << " checks)\n";
    } else if (auto first = firstFailure()) {
        out << "result: FAILED (" << failed << " of " << checks.size() << " checks); first problem: " << first->name
            << ": " << first->detail << "\n";
    } else {
        out << "result: FAILED (nothing was checked)\n";
    }
    return out.str();
}

std::string PackageVerification::toJson() const {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("document", documentId);
    o->set("title", title);
    o->set("exportedAt", exportedAt);
    o->set("exportedBy", exportedBy);
    o->set("passed", passed());
    const std::optional<PackageCheck> first = firstFailure();
    o->set("firstProblem", first ? Poco::Dynamic::Var(first->name + ": " + first->detail) : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
    for (const PackageCheck& c : checks) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("name", c.name);
        item->set("passed", c.passed);
        item->set("detail", c.detail);
        list->add(item);
    }
    o->set("checks", list);
    Poco::JSON::Array::Ptr anchors = new Poco::JSON::Array();
    for (const std::string& a : trustAnchors) anchors->add(a);
    o->set("trustAnchors", anchors);
    Poco::JSON::Object::Ptr head = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    head->set("seq", chainHeadSeq);
    head->set("hash", chainHeadHash);
    o->set("chainHead", head);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out, 2);
    return out.str();
}

}  // namespace qujat::evidence

#include "Manifest.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <optional>
#include <sstream>

#include "JsonText.h"
#include "PackageLayout.h"
#include "qujat/json/EngineJson.h"

namespace qujat::evidence {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Poco::Dynamic::Var reportObject(const std::string& report) {
    // The acceptance report is JSON text; keep it readable in the manifest, and as text if
    // it is not a JSON object after all.
    auto parsed = parseJsonObject(report, "the report");
    return parsed.isOk() ? Poco::Dynamic::Var(*parsed) : Poco::Dynamic::Var(report);
}

// Typed reads of a JSON object, each naming the key in the error.
class Fields {
public:
    Fields(Object::Ptr object, std::string where) : object_(std::move(object)), where_(std::move(where)) {}

    engine::Result<std::string> text(const std::string& key) const {
        const Poco::Dynamic::Var v = value(key);
        if (!v.isString()) return wrong(key, "a string");
        return v.extract<std::string>();
    }
    engine::Result<std::optional<std::string>> optionalText(const std::string& key) const {
        const Poco::Dynamic::Var v = value(key);
        if (v.isEmpty()) return std::optional<std::string>();
        if (!v.isString()) return wrong(key, "a string or null");
        return std::optional<std::string>(v.extract<std::string>());
    }
    engine::Result<std::int64_t> integer(const std::string& key) const {
        const Poco::Dynamic::Var v = value(key);
        if (!v.isInteger()) return wrong(key, "an integer");
        try {
            return v.convert<Poco::Int64>();
        } catch (const Poco::Exception&) {
            return wrong(key, "an integer in range");
        }
    }
    engine::Result<bool> boolean(const std::string& key) const {
        const Poco::Dynamic::Var v = value(key);
        if (!v.isBoolean()) return wrong(key, "true or false");
        return v.extract<bool>();
    }
    engine::Result<Fields> object(const std::string& key) const {
        Object::Ptr o = object_->getObject(key);
        if (!o) return wrong(key, "an object");
        return Fields(o, path(key));
    }
    engine::Result<std::vector<Fields>> objects(const std::string& key) const {
        Array::Ptr a = object_->getArray(key);
        if (!a) return wrong(key, "an array");
        std::vector<Fields> out;
        for (std::size_t i = 0; i < a->size(); ++i) {
            Object::Ptr o = a->getObject(static_cast<unsigned>(i));
            const std::string where = path(key) + "[" + std::to_string(i) + "]";
            if (!o) return engine::invalidArgument("manifest.json: " + where + " is not an object");
            out.emplace_back(o, where);
        }
        return out;
    }
    engine::Result<std::vector<std::string>> texts(const std::string& key) const {
        Array::Ptr a = object_->getArray(key);
        if (!a) return wrong(key, "an array");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const Poco::Dynamic::Var v = a->get(static_cast<unsigned>(i));
            if (!v.isString())
                return engine::invalidArgument("manifest.json: " + path(key) + "[" + std::to_string(i) +
                                               "] is not a string");
            out.push_back(v.extract<std::string>());
        }
        return out;
    }

private:
    Poco::Dynamic::Var value(const std::string& key) const {
        return object_->has(key) ? object_->get(key) : Poco::Dynamic::Var();
    }
    std::string path(const std::string& key) const { return where_.empty() ? key : where_ + "." + key; }
    engine::Status wrong(const std::string& key, const std::string& what) const {
        return engine::invalidArgument("manifest.json: " + path(key) + " is missing or not " + what);
    }

    Object::Ptr object_;
    std::string where_;
};

engine::Result<ManifestVersion> readVersion(const Fields& f) {
    ManifestVersion v;
    QUJAT_ASSIGN_OR_RETURN(const std::int64_t number, f.integer("number"));
    v.number = static_cast<int>(number);
    QUJAT_ASSIGN_OR_RETURN(v.file, f.text("file"));
    QUJAT_ASSIGN_OR_RETURN(v.fileName, f.text("fileName"));
    QUJAT_ASSIGN_OR_RETURN(v.sha256, f.text("sha256"));
    QUJAT_ASSIGN_OR_RETURN(v.size, f.integer("size"));
    return v;
}

engine::Result<ManifestSignature> readSignature(const Fields& f) {
    ManifestSignature s;
    QUJAT_ASSIGN_OR_RETURN(s.id, f.integer("id"));
    QUJAT_ASSIGN_OR_RETURN(const std::int64_t version, f.integer("version"));
    s.version = static_cast<int>(version);
    QUJAT_ASSIGN_OR_RETURN(s.signer, f.text("signer"));
    QUJAT_ASSIGN_OR_RETURN(s.step, f.text("step"));
    QUJAT_ASSIGN_OR_RETURN(s.certificateSha256, f.text("certificateSha256"));
    QUJAT_ASSIGN_OR_RETURN(s.cmsSha256, f.text("cmsSha256"));
    QUJAT_ASSIGN_OR_RETURN(const Fields files, f.object("files"));
    QUJAT_ASSIGN_OR_RETURN(s.file, files.text("cms"));
    QUJAT_ASSIGN_OR_RETURN(s.signatureValueFile, files.text("signatureValue"));
    QUJAT_ASSIGN_OR_RETURN(std::optional<std::string> token, files.optionalText("timestampToken"));
    s.timestampFile = token.value_or("");
    return s;
}

engine::Result<Manifest> readManifest(const Fields& root) {
    Manifest m;
    QUJAT_ASSIGN_OR_RETURN(m.format, root.text("format"));
    if (m.format != layout::kFormat)
        return engine::invalidArgument("manifest.json: format '" + m.format + "' is not " + layout::kFormat);
    QUJAT_ASSIGN_OR_RETURN(m.exportedAt, root.text("exportedAt"));
    QUJAT_ASSIGN_OR_RETURN(m.exportedBy, root.text("exportedBy"));
    QUJAT_ASSIGN_OR_RETURN(const Fields document, root.object("document"));
    QUJAT_ASSIGN_OR_RETURN(m.documentId, document.integer("id"));
    QUJAT_ASSIGN_OR_RETURN(m.title, document.text("title"));
    QUJAT_ASSIGN_OR_RETURN(const std::vector<Fields> versions, root.objects("versions"));
    for (const Fields& f : versions) {
        QUJAT_ASSIGN_OR_RETURN(ManifestVersion v, readVersion(f));
        m.versions.push_back(std::move(v));
    }
    QUJAT_ASSIGN_OR_RETURN(const std::vector<Fields> signatures, root.objects("signatures"));
    for (const Fields& f : signatures) {
        QUJAT_ASSIGN_OR_RETURN(ManifestSignature s, readSignature(f));
        m.signatures.push_back(std::move(s));
    }
    QUJAT_ASSIGN_OR_RETURN(const Fields audit, root.object("audit"));
    QUJAT_ASSIGN_OR_RETURN(m.eventsFile, audit.text("file"));
    QUJAT_ASSIGN_OR_RETURN(m.eventCount, audit.integer("events"));
    QUJAT_ASSIGN_OR_RETURN(const Fields chain, audit.object("chainAtExport"));
    QUJAT_ASSIGN_OR_RETURN(const bool intact, chain.boolean("intact"));
    QUJAT_ASSIGN_OR_RETURN(m.chainAtExport.events, chain.integer("events"));
    QUJAT_ASSIGN_OR_RETURN(m.chainAtExport.headSeq, chain.integer("headSeq"));
    QUJAT_ASSIGN_OR_RETURN(m.chainAtExport.headHash, chain.text("headHash"));
    QUJAT_ASSIGN_OR_RETURN(m.chainAtExport.problem, chain.text("problem"));
    if (!intact && m.chainAtExport.problem.empty()) m.chainAtExport.problem = "the chain was not intact";
    QUJAT_ASSIGN_OR_RETURN(const Fields trust, root.object("trust"));
    QUJAT_ASSIGN_OR_RETURN(m.trustFiles, trust.texts("files"));
    QUJAT_ASSIGN_OR_RETURN(m.caBundle, trust.text("caBundle"));
    QUJAT_ASSIGN_OR_RETURN(const std::vector<Fields> files, root.objects("files"));
    for (const Fields& f : files) {
        ManifestFile file;
        QUJAT_ASSIGN_OR_RETURN(file.path, f.text("path"));
        QUJAT_ASSIGN_OR_RETURN(file.sha256, f.text("sha256"));
        QUJAT_ASSIGN_OR_RETURN(const std::int64_t size, f.integer("size"));
        if (size < 0) return engine::invalidArgument("manifest.json: the size of " + file.path + " is negative");
        file.size = static_cast<std::uint64_t>(size);
        m.files.push_back(std::move(file));
    }
    return m;
}

}  // namespace

std::string manifestJson(const Manifest& m, const PackageInput& input) {
    Object::Ptr root = json::newObject();
    root->set("format", m.format);
    root->set("exportedAt", m.exportedAt);
    root->set("exportedAtMillis", input.exportedAt);
    root->set("exportedBy", m.exportedBy);
    root->set("document", json::toJson(input.view.document));
    Array::Ptr tasks = new Array();
    for (const engine::Task& t : input.view.tasks) tasks->add(json::toJson(t));
    root->set("tasks", tasks);

    Array::Ptr versions = new Array();
    for (std::size_t i = 0; i < input.view.versions.size(); ++i) {
        Object::Ptr v = json::toJson(input.view.versions[i]);
        v->set("file", m.versions[i].file);
        versions->add(v);
    }
    root->set("versions", versions);

    Array::Ptr signatures = new Array();
    for (std::size_t i = 0; i < input.view.signatures.size(); ++i) {
        Object::Ptr s = json::toJson(input.view.signatures[i]);
        s->set("report", reportObject(input.view.signatures[i].report));
        Object::Ptr files = json::newObject();
        files->set("cms", m.signatures[i].file);
        files->set("signatureValue", m.signatures[i].signatureValueFile);
        files->set("timestampToken", m.signatures[i].timestampFile.empty()
                                         ? Poco::Dynamic::Var()
                                         : Poco::Dynamic::Var(m.signatures[i].timestampFile));
        s->set("files", files);
        signatures->add(s);
    }
    root->set("signatures", signatures);

    Object::Ptr audit = json::newObject();
    audit->set("file", m.eventsFile);
    audit->set("events", m.eventCount);
    audit->set("firstSeq", input.events.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(input.events.front().seq));
    audit->set("lastSeq", input.events.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(input.events.back().seq));
    audit->set("chainAtExport", json::toJson(m.chainAtExport));
    root->set("audit", audit);

    Object::Ptr trust = json::newObject();
    Array::Ptr trustFiles = new Array();
    for (const std::string& f : m.trustFiles) trustFiles->add(f);
    trust->set("files", trustFiles);
    trust->set("caBundle", m.caBundle);
    root->set("trust", trust);

    Array::Ptr files = new Array();
    for (const ManifestFile& f : m.files) {
        Object::Ptr o = json::newObject();
        o->set("path", f.path);
        o->set("sha256", f.sha256);
        o->set("size", static_cast<Poco::UInt64>(f.size));
        files->add(o);
    }
    root->set("files", files);

    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    out << "\n";
    return out.str();
}

engine::Result<Manifest> parseManifest(const std::string& text) {
    QUJAT_ASSIGN_OR_RETURN(const Object::Ptr root, parseJsonObject(text, "manifest.json"));
    return readManifest(Fields(root, ""));
}

}  // namespace qujat::evidence

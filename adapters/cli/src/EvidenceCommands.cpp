// qujat doc export | verify-package
#include "EvidenceCommands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ApprovalPolicy.h"
#include "FileIo.h"
#include "Output.h"
#include "qujat/engine/Clocks.h"
#include "qujat/evidence/PackageCollector.h"
#include "qujat/evidence/PackageVerifier.h"
#include "qujat/evidence/PackageWriter.h"

namespace qujat::cli {

using engine::Result;
using engine::Status;

namespace {

engine::Millis nowFor(const Context& ctx) {
    return ctx.options().now ? *ctx.options().now : engine::SystemClock().now();
}

Result<engine::DocumentId> exportedDocument(const Args& args) {
    std::vector<std::string> p = args.positionals();
    if (!p.empty() && p[0] == "export") p.erase(p.begin());
    if (p.size() != 1) return engine::invalidArgument("usage: qujat doc export ID --out FILE.zip");
    try {
        std::size_t used = 0;
        const long long id = std::stoll(p[0], &used);
        if (used == p[0].size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    return engine::invalidArgument("'" + p[0] + "' is not a document id");
}

// The whole package file; FileIo's limit is for single documents, a package holds many.
Result<std::string> readPackageFile(const std::string& path, std::size_t limit) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return engine::invalidArgument(path + " is a directory, not a file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return engine::notFound("cannot read " + path + ": " + ec.message());
    if (size > limit)
        return engine::invalidArgument(path + " is " + std::to_string(size >> 20) + " MiB; packages of at most " +
                                       std::to_string(limit >> 20) + " MiB are accepted");
    std::ifstream in(path, std::ios::binary);
    if (!in) return engine::notFound("cannot open " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

int runDocExport(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"out"}); !s.isOk()) return reportFailure(s, ctx.json());
    auto id = exportedDocument(args);
    auto out = args.required("out");
    for (const Status& s : {id.status(), out.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto input = evidence::collectPackage((*rt)->service(), ctx.viewer(), *id, trustDirectory((*rt)->dataDir()),
                                          nowFor(ctx), ctx.actorOr("operator"));
    if (!input.isOk()) return reportFailure(input.status(), ctx.json());
    auto zip = evidence::writePackage(*input);
    if (!zip.isOk()) return reportFailure(zip.status(), ctx.json());
    if (Status s = writeFile(*out, *zip); !s.isOk()) return reportFailure(s, ctx.json());
    if (Status s = (*rt)->service().recordExport(ctx.actorOr("operator"), *id, *zip);
        !s.isOk())
        return reportFailure(s, ctx.json());
    if (ctx.json()) {
        auto o = newObject();
        o->set("document", *id);
        o->set("file", *out);
        o->set("bytes", static_cast<Poco::UInt64>(zip->size()));
        o->set("versions", static_cast<Poco::UInt64>(input->view.versions.size()));
        o->set("signatures", static_cast<Poco::UInt64>(input->view.signatures.size()));
        o->set("events", static_cast<Poco::UInt64>(input->events.size()));
        printJson(o);
    } else {
        std::cout << "exported document #" << *id << " to " << *out << ": " << input->view.versions.size()
                  << " versions, " << input->view.signatures.size() << " signatures, " << input->events.size()
                  << " audit events (" << zip->size() << " bytes); check it with `qujat verify-package " << *out
                  << "` or the openssl commands in its README.md\n";
    }
    return 0;
}

int runVerifyPackage(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({}); !s.isOk()) return reportFailure(s, ctx.json());
    if (args.positionals().size() != 1)
        return reportFailure(engine::invalidArgument("usage: qujat verify-package FILE.zip"), ctx.json());
    const evidence::ArchiveLimits limits;
    auto zip = readPackageFile(args.positionals()[0], limits.maxArchiveBytes);
    if (!zip.isOk()) return reportFailure(zip.status(), ctx.json());
    auto verification = evidence::verifyPackage(*zip, nowFor(ctx), limits);
    if (!verification.isOk()) return reportFailure(verification.status(), ctx.json());
    if (ctx.json()) std::cout << verification->toJson() << "\n";
    else std::cout << verification->toText();
    return verification->passed() ? 0 : exitCodeFor(engine::StatusCode::kDataLoss);
}

}  // namespace qujat::cli

// qujat sign, qujat signature verify, qujat cert register|list.
#include "SignatureCommands.h"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "ApprovalPolicy.h"
#include "Context.h"
#include "FileIo.h"
#include "Output.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/CadesVerifier.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/SigningIdentity.h"
#include "qujat/engine/Clocks.h"

namespace qujat::cli {

using engine::Status;

namespace {

// Exit codes of `signature verify` beyond the common ones: the ETSI indication.
constexpr int kExitIndeterminate = 20;
constexpr int kExitFailed = 21;

// A PKCS#12 password: the first line of --password-file, else typed at the terminal with
// echo off. Never an argument, where other users could read it in the process list.
engine::Result<std::string> pkcs12Password(const Args& args) {
    if (auto file = args.option("password-file")) {
        QUJAT_ASSIGN_OR_RETURN(std::string text, readFile(*file));
        return text.substr(0, text.find_first_of("\r\n"));
    }
    if (!isatty(STDIN_FILENO))
        return engine::invalidArgument("give the PKCS#12 password with --password-file FILE (stdin is not a terminal)");
    std::cerr << "PKCS#12 password: " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string password;
    std::getline(std::cin, password);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return password;
}

engine::Result<crypto::SigningIdentity> identityFrom(const Args& args) {
    if (auto p12 = args.option("p12")) {
        QUJAT_ASSIGN_OR_RETURN(std::string der, readFile(*p12));
        QUJAT_ASSIGN_OR_RETURN(std::string password, pkcs12Password(args));
        return crypto::SigningIdentity::fromPkcs12(der, password);
    }
    auto key = args.required("key");
    auto cert = args.required("cert");
    if (!key.isOk() || !cert.isOk())
        return engine::invalidArgument("sign with --key KEY.pem --cert CERT.pem [--chain CHAIN.pem], or --p12 FILE.p12");
    QUJAT_ASSIGN_OR_RETURN(std::string keyPem, readFile(*key));
    QUJAT_ASSIGN_OR_RETURN(std::string certPem, readFile(*cert));
    std::string chainPem;
    if (auto chain = args.option("chain")) {
        QUJAT_ASSIGN_OR_RETURN(chainPem, readFile(*chain));
    }
    return crypto::SigningIdentity::fromPem(keyPem, certPem, chainPem);
}

int sign(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"key", "cert", "chain", "p12", "password-file", "out"}); !s.isOk())
        return reportFailure(s, ctx.json());
    auto out = args.required("out");
    if (!out.isOk()) return reportFailure(out.status(), ctx.json());
    if (args.positionals().size() != 1)
        return reportFailure(engine::invalidArgument("usage: qujat sign --key KEY.pem --cert CERT.pem [--chain CHAIN.pem] "
                                                     "--out SIG.p7s FILE  (or --p12 FILE.p12 [--password-file F])"),
                             ctx.json());
    auto content = readFile(args.positionals()[0]);
    if (!content.isOk()) return reportFailure(content.status(), ctx.json());
    auto identity = identityFrom(args);
    if (!identity.isOk()) return reportFailure(identity.status(), ctx.json());
    crypto::SigningOptions options;
    if (ctx.options().now) options.signingTime = *ctx.options().now;
    auto der = crypto::CadesSigner().signDetached(*content, identity->key, identity->certificate, identity->chain, options);
    if (!der.isOk()) return reportFailure(der.status(), ctx.json());
    if (Status s = writeFile(*out, *der); !s.isOk()) return reportFailure(s, ctx.json());
    if (!ctx.json()) std::cout << "signed " << args.positionals()[0] << " as " << identity->certificate.subject() << " → " << *out << "\n";
    return 0;
}

int verify(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"trust", "content"}); !s.isOk()) return reportFailure(s, ctx.json());
    auto trustDir = args.required("trust");
    auto contentFile = args.required("content");
    for (const Status& s : {trustDir.status(), contentFile.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    if (args.positionals().size() != 2)
        return reportFailure(engine::invalidArgument("usage: qujat signature verify --trust DIR --content FILE SIG.p7s"),
                             ctx.json());
    auto content = readFile(*contentFile);
    auto der = readFile(args.positionals()[1]);
    for (const Status& s : {content.status(), der.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    auto trust = crypto::TrustStore::open(*trustDir);
    if (!trust.isOk()) return reportFailure(trust.status(), ctx.json());
    const engine::Millis now = ctx.options().now.value_or(engine::SystemClock().now());
    auto report = crypto::CadesVerifier(*trust).verify(*der, *content, crypto::VerificationPolicy{}, now);
    if (!report.isOk()) return reportFailure(report.status(), ctx.json());
    if (ctx.json()) std::cout << report->toJson() << "\n";
    else std::cout << report->toText();
    if (report->passed()) return 0;
    return report->indication == crypto::Indication::kFailed ? kExitFailed : kExitIndeterminate;
}

int registerCertificate(Context& ctx, const Args& args) {
    if (args.positionals().size() != 3)
        return reportFailure(engine::invalidArgument("usage: qujat cert register LOGIN CERT.pem"), ctx.json());
    auto pem = readFile(args.positionals()[2]);
    if (!pem.isOk()) return reportFailure(pem.status(), ctx.json());
    auto cert = crypto::Certificate::fromPem(*pem);
    if (!cert.isOk()) return reportFailure(cert.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    engine::CertificateBinding binding;
    binding.login = args.positionals()[1];
    binding.certificateSha256 = cert->sha256Hex();
    binding.subject = cert->subject();
    if (Status s = (*rt)->service().registerCertificate(ctx.actorOr("operator"), binding); !s.isOk())
        return reportFailure(s, ctx.json());
    if (!ctx.json()) std::cout << "registered " << binding.subject << " (SHA-256 " << binding.certificateSha256 << ") to " << binding.login << "\n";
    return 0;
}

int listCertificates(Context& ctx, const Args& args) {
    if (args.positionals().size() != 2) return reportFailure(engine::invalidArgument("usage: qujat cert list LOGIN"), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto certs = (*rt)->service().certificatesOf(args.positionals()[1]);
    if (!certs.isOk()) return reportFailure(certs.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& c : *certs) {
        if (!ctx.json()) {
            std::cout << c.certificateSha256 << "  " << c.subject << "  registered " << engine::formatIsoUtc(c.registeredAt)
                      << " by " << c.registeredBy << "\n";
            continue;
        }
        auto o = newObject();
        o->set("sha256", c.certificateSha256);
        o->set("subject", c.subject);
        o->set("registeredAt", engine::formatIsoUtc(c.registeredAt));
        o->set("registeredBy", c.registeredBy);
        out->add(o);
    }
    if (ctx.json()) printJson(out);
    return 0;
}

}  // namespace

Status installPki(const std::string& pkiDir, const std::string& dataDir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(pkiDir + "/trust", ec) || !fs::exists(pkiDir + "/tsa/key.pem", ec))
        return engine::notFound(pkiDir + " is not a PKI made by certs/make-dev-pki.sh (no trust/ or tsa/key.pem)");
    QUJAT_RETURN_IF_ERROR(makeDirectories(trustDirectory(dataDir)));
    QUJAT_RETURN_IF_ERROR(makeDirectories(tsaDirectory(dataDir)));
    for (const auto& entry : fs::directory_iterator(pkiDir + "/trust", ec)) {
        if (!entry.is_regular_file()) continue;
        QUJAT_ASSIGN_OR_RETURN(std::string bytes, readFile(entry.path().string()));
        QUJAT_RETURN_IF_ERROR(writeFile(trustDirectory(dataDir) + "/" + entry.path().filename().string(), bytes));
    }
    if (ec) return engine::unavailable("cannot read " + pkiDir + "/trust: " + ec.message());
    for (const char* name : {"key.pem", "cert.pem", "chain.pem"}) {
        const std::string from = pkiDir + "/tsa/" + name;
        if (!fileExists(from)) continue;
        QUJAT_ASSIGN_OR_RETURN(std::string bytes, readFile(from));
        const std::string to = tsaDirectory(dataDir) + "/" + name;
        QUJAT_RETURN_IF_ERROR(writeFile(to, bytes));
        if (std::string(name) == "key.pem" && chmod(to.c_str(), S_IRUSR | S_IWUSR) != 0)
            return engine::unavailable("cannot restrict " + to + " to its owner");
    }
    return Status::ok();
}

engine::Result<PkiUserFiles> pkiUser(const std::string& pkiDir, const std::string& login) {
    const std::string dir = pkiDir + "/users/" + login;
    PkiUserFiles files;
    QUJAT_ASSIGN_OR_RETURN(files.keyPem, readFile(dir + "/key.pem"));
    QUJAT_ASSIGN_OR_RETURN(files.certificatePem, readFile(dir + "/cert.pem"));
    QUJAT_ASSIGN_OR_RETURN(files.chainPem, readFile(dir + "/chain.pem"));
    return files;
}

int runSign(Context& ctx, const Args& args) { return sign(ctx, args); }

int runSignature(Context& ctx, const Args& args) {
    const auto& p = args.positionals();
    if (!p.empty() && p[0] == "verify") return verify(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat signature verify --trust DIR --content FILE SIG.p7s"),
                         ctx.json());
}

int runCert(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({}); !s.isOk()) return reportFailure(s, ctx.json());
    const auto& p = args.positionals();
    const std::string sub = p.empty() ? "" : p[0];
    if (sub == "register") return registerCertificate(ctx, args);
    if (sub == "list") return listCertificates(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat cert register LOGIN CERT.pem | list LOGIN"), ctx.json());
}

}  // namespace qujat::cli

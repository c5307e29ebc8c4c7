// qujat demo: a guided story through all three workflows on a fresh data directory.
#include <iostream>

#include <sys/stat.h>

#include <filesystem>

#include "Context.h"
#include "EmbeddedFiles.h"
#include "FileIo.h"
#include "Output.h"
#include "SignatureCommands.h"
#include "qujat/crypto/CadesSigner.h"
#include "qujat/crypto/Certificate.h"
#include "qujat/crypto/ScryptPasswordHasher.h"
#include "qujat/crypto/SigningIdentity.h"
#include "qujat/directory/DirectoryGenerator.h"

namespace qujat::cli {

using engine::Document;
using engine::Result;
using engine::Status;

namespace {

constexpr engine::Millis kHour = 3600 * 1000;
constexpr engine::Millis kDay = 24 * kHour;

// Runs the story's steps against the service, printing each one, and stops at the first
// unexpected result.
class Story {
public:
    Story(Runtime& rt, std::string pkiDir, std::ostream& out)
        : rt_(rt), service_(rt.service()), pkiDir_(std::move(pkiDir)), out_(out) {}

    void say(const std::string& text) { out_ << text << "\n"; }
    void chapter(const std::string& title) { out_ << "\n== " << title << "\n"; }
    void wait(engine::Millis by, const std::string& why) {
        rt_.manualClock()->advance(by);
        out_ << "   … " << why << " (now " << engine::formatIsoUtc(rt_.manualClock()->now()) << ")\n";
    }

    // "YYYY-MM-DD" of the story's clock.
    std::string today() { return engine::formatIsoUtc(rt_.manualClock()->now()).substr(0, 10); }

    Result<std::string> holder(const std::string& role, const std::string& org) {
        QUJAT_ASSIGN_OR_RETURN(std::vector<std::string> logins, service_.holdersOf(role, org));
        if (logins.empty()) return engine::failedPrecondition("no one holds " + role + " at " + org);
        return logins.front();
    }

    Result<Document> submit(const std::string& who, engine::SubmitRequest req) {
        QUJAT_ASSIGN_OR_RETURN(Document d, service_.submit(who, req));
        out_ << " + " << who << " submits «" << d.title << "» → document #" << d.id << ", now at step '" << d.currentStep
             << "'\n";
        return d;
    }

    Result<Document> approve(const std::string& who, const Document& doc, const std::string& comment = "") {
        engine::Decision decision;
        decision.comment = comment;
        QUJAT_ASSIGN_OR_RETURN(bool signing, atSignStep(doc));
        if (signing) {
            QUJAT_ASSIGN_OR_RETURN(decision.evidence.signature, sign(who, doc));
        }
        QUJAT_ASSIGN_OR_RETURN(Document d, service_.approve(who, doc.id, decision));
        out_ << (signing ? " ✍ " : " ✓ ") << who << (signing ? " signs and approves #" : " approves #") << d.id
             << (comment.empty() ? "" : " («" + comment + "»)") << " → " << where(d) << "\n";
        return d;
    }

    // Registers the certificate of every PKI user who is in the directory to that user.
    Result<int> registerCertificates() {
        namespace fs = std::filesystem;
        int registered = 0;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(pkiDir_ + "/users", ec)) {
            const std::string login = entry.path().filename().string();
            if (!service_.user(login).isOk()) continue;  // a test user of the PKI, not of the party
            QUJAT_ASSIGN_OR_RETURN(PkiUserFiles files, pkiUser(pkiDir_, login));
            QUJAT_ASSIGN_OR_RETURN(crypto::Certificate cert, crypto::Certificate::fromPem(files.certificatePem));
            engine::CertificateBinding binding;
            binding.login = login;
            binding.certificateSha256 = cert.sha256Hex();
            binding.subject = cert.subject();
            QUJAT_RETURN_IF_ERROR(service_.registerCertificate("operator", binding));
            ++registered;
        }
        if (ec) return engine::unavailable("cannot read " + pkiDir_ + "/users: " + ec.message());
        return registered;
    }

    Result<Document> reject(const std::string& who, const Document& doc, const std::string& comment) {
        engine::Decision decision;
        decision.comment = comment;
        QUJAT_ASSIGN_OR_RETURN(Document d, service_.reject(who, doc.id, decision));
        out_ << " ✗ " << who << " rejects #" << d.id << ": «" << comment << "» → " << where(d) << "\n";
        return d;
    }

    // An attempt the engine must refuse; the story goes on only if it is refused. Signed
    // where the step asks for it, so the refusal is about who acts, not a missing signature.
    Status expectRefusal(const std::string& who, const Document& doc, const std::string& what) {
        engine::Decision decision;
        QUJAT_ASSIGN_OR_RETURN(bool signing, atSignStep(doc));
        if (signing && std::filesystem::exists(pkiDir_ + "/users/" + who)) {
            QUJAT_ASSIGN_OR_RETURN(decision.evidence.signature, sign(who, doc));
        }
        auto attempt = service_.approve(who, doc.id, decision);
        if (attempt.isOk()) return engine::internalError("the engine accepted " + what);
        out_ << " ! " << who << " tries " << what << " → refused and audited: " << attempt.status().message() << "\n";
        return Status::ok();
    }

    static std::string where(const Document& d) {
        if (d.state == engine::DocumentState::kCompleted)
            return "completed" + (d.registrationNumber ? ", registered as № " + *d.registrationNumber : std::string());
        if (d.state == engine::DocumentState::kReturned) return "returned to its author";
        return "step '" + d.currentStep + "'";
    }

    engine::Service& service() { return service_; }

private:
    Result<bool> atSignStep(const Document& doc) {
        QUJAT_ASSIGN_OR_RETURN(engine::DocumentView current, service_.document(engine::Viewer::localOperator(), doc.id));
        QUJAT_ASSIGN_OR_RETURN(engine::WorkflowDefinition def, service_.workflow(doc.workflowId, doc.workflowVersion));
        const engine::Step* step = def.step(current.document.currentStep);
        return step && step->kind == engine::StepKind::kSign;
    }

    // What the approver's own machine does: sign the current version with their key.
    Result<std::string> sign(const std::string& who, const Document& doc) {
        QUJAT_ASSIGN_OR_RETURN(engine::DocumentView view, service_.document(engine::Viewer::localOperator(), doc.id));
        QUJAT_ASSIGN_OR_RETURN(std::string content, service_.versionContent(engine::Viewer::localOperator(), doc.id,
                                                                            view.document.currentVersion));
        QUJAT_ASSIGN_OR_RETURN(PkiUserFiles files, pkiUser(pkiDir_, who));
        QUJAT_ASSIGN_OR_RETURN(crypto::SigningIdentity id,
                               crypto::SigningIdentity::fromPem(files.keyPem, files.certificatePem, files.chainPem));
        crypto::SigningOptions options;
        options.signingTime = rt_.manualClock()->now();
        return crypto::CadesSigner().signDetached(content, id.key, id.certificate, id.chain, options);
    }

    Runtime& rt_;
    engine::Service& service_;
    std::string pkiDir_;
    std::ostream& out_;
};

engine::Content textFile(const std::string& name, const std::string& text) {
    return engine::Content{text, name, "text/plain; charset=utf-8"};
}

std::string protocolText(const std::string& ppo) {
    return "ХАТТАМА № 1 / ПРОТОКОЛ № 1\n" + ppo +
           "\nБастауыш партия ұйымының жиналысы / Собрание первичной партийной организации\n"
           "Қатысқандар: 17 / Присутствовали: 17\n"
           "Күн тәртібі: цифрлық партия жобасын талқылау.\n"
           "Повестка дня: обсуждение проекта «Цифровая партия».\n"
           "Шешім: жобаны қолдау. Решение: поддержать проект.\n";
}

Status protocolChapter(Story& story, const engine::Org& ppo) {
    story.chapter("1. A PPO meeting protocol: secretary submits, chairman and secretary sign, the district registers");
    QUJAT_ASSIGN_OR_RETURN(std::string secretary, story.holder("secretary", ppo.code));
    QUJAT_ASSIGN_OR_RETURN(std::string chairman, story.holder("chairman", ppo.code));
    QUJAT_ASSIGN_OR_RETURN(std::string registrar, story.holder("registrar", *ppo.parentCode));
    story.say("   " + ppo.code + " «" + ppo.nameRu + "»: secretary " + secretary + ", chairman " + chairman);
    engine::SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол собрания ППО № 1 / БПҰ жиналысының хаттамасы № 1";
    req.originOrgCode = ppo.code;
    req.fields = {{"meeting-date", story.today()},
                  {"present", "17"},
                  {"agenda", "Цифрлық партия / Цифровая партия"}};
    req.content = textFile("protocol-1.txt", protocolText(ppo.nameKk));
    QUJAT_ASSIGN_OR_RETURN(Document doc, story.submit(secretary, req));
    QUJAT_ASSIGN_OR_RETURN(std::string outsider, story.holder("secretary", "PPO-00002"));
    QUJAT_RETURN_IF_ERROR(story.expectRefusal(outsider, doc, "to sign another PPO's protocol"));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(chairman, doc));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(secretary, doc));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(registrar, doc));
    return Status::ok();
}

Status reportChapter(Story& story, const engine::Org& ppo) {
    story.chapter("2. A PPO report (the seed article): returned for revision, resubmitted, escalated past its deadline");
    QUJAT_ASSIGN_OR_RETURN(std::string secretary, story.holder("secretary", ppo.code));
    QUJAT_ASSIGN_OR_RETURN(engine::Org district, story.service().organisation(*ppo.parentCode));
    QUJAT_ASSIGN_OR_RETURN(std::string inspector, story.holder("inspector", district.code));
    QUJAT_ASSIGN_OR_RETURN(std::string deputy, story.holder("first-deputy", district.code));
    QUJAT_ASSIGN_OR_RETURN(std::string regionalInspector, story.holder("inspector", *district.parentCode));
    const std::string article(embeddedFile("demo/nur-otan-regional-forum.ru.txt"));
    engine::SubmitRequest req;
    req.workflowId = "ppo-report";
    req.title = "Отчёт: I региональный форум первичных парторганизаций «Нұр Отана»";
    req.originOrgCode = ppo.code;
    req.fields = {{"period", "quarterly"}};
    req.content = textFile("forum-report.ru.txt", article);
    QUJAT_ASSIGN_OR_RETURN(Document doc, story.submit(secretary, req));
    QUJAT_ASSIGN_OR_RETURN(doc, story.reject(inspector, doc,
                                             "Укажите численность членов ППО / БПҰ мүшелерінің санын көрсетіңіз"));
    story.wait(4 * kHour, "the secretary revises the report");
    engine::ResubmitRequest again;
    again.content = textFile("forum-report.v2.ru.txt", article + "\nЧисленность членов ППО: 42.\n");
    again.fields = {{"members-count", "42"}};
    again.comment = "Добавлена численность / Сан қосылды";
    QUJAT_ASSIGN_OR_RETURN(doc, story.service().resubmit(secretary, doc.id, again));
    story.say(" + " + secretary + " resubmits #" + std::to_string(doc.id) + " as version " +
              std::to_string(doc.currentVersion) + " → " + Story::where(doc));
    story.wait(6 * kDay, "the district inspector does not answer within the 5-day deadline");
    QUJAT_ASSIGN_OR_RETURN(engine::TickReport tick, story.service().tick());
    story.say(" ⏰ tick: " + std::to_string(tick.escalated) + " task(s) escalated to the district's first deputy " + deputy);
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(deputy, doc, "Принято в порядке эскалации"));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(regionalInspector, doc));
    return Status::ok();
}

Status decisionChapter(Story& story, const std::string& districtCode) {
    story.chapter("3. A bureau decision of district branch " + districtCode +
                  ": quorum of 3 of 5 bureau members, then the chairman, then registration");
    QUJAT_ASSIGN_OR_RETURN(std::string secretary, story.holder("secretary", districtCode));
    QUJAT_ASSIGN_OR_RETURN(std::string chairman, story.holder("chairman", districtCode));
    QUJAT_ASSIGN_OR_RETURN(std::string registrar, story.holder("registrar", districtCode));
    QUJAT_ASSIGN_OR_RETURN(std::vector<std::string> bureau, story.service().holdersOf("bureau-member", districtCode));
    if (bureau.size() < 4) return engine::failedPrecondition("the demo needs four bureau members at " + districtCode);
    engine::SubmitRequest req;
    req.workflowId = "bureau-decision";
    req.title = "Решение бюро о создании ППО / Бюро шешімі";
    req.originOrgCode = districtCode;
    req.fields = {{"decision-kind", "organisational"}, {"effective-date", "2026-12-01"}};
    req.content = textFile("decision.txt", "Бюро шешімі: жаңа БПҰ құру.\nРешение бюро: создать новую ППО.\n");
    QUJAT_ASSIGN_OR_RETURN(Document doc, story.submit(secretary, req));
    for (int i = 0; i < 3; ++i) {
        story.wait(2 * kHour, "a bureau member opens the decision");
        QUJAT_ASSIGN_OR_RETURN(doc, story.approve(bureau[i], doc));
    }
    QUJAT_RETURN_IF_ERROR(story.expectRefusal(bureau[3], doc, "to vote after the quorum was reached"));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(chairman, doc));
    QUJAT_ASSIGN_OR_RETURN(doc, story.approve(registrar, doc));
    return Status::ok();
}

// The people of the story get passwords for the HTTP API: random for this installation,
// written to DATA/demo-sign-ins.txt (readable by its owner only), never printed or fixed
// in the repository.
Result<std::string> createDemoSignIns(Runtime& rt) {
    const std::vector<std::string> logins = {
        "secretary.ppo-00001", "chairman.ppo-00001", "secretary.ppo-00002", "chairman.ppo-00002",
        "secretary.ast-01",    "chairman.ast-01",    "first-deputy.ast-01", "inspector.ast-01",
        "registrar.ast-01",    "bureau-member-1.ast-01", "bureau-member-2.ast-01", "bureau-member-3.ast-01",
        "inspector-1.ast",     "auditor.ast",        "auditor.kz"};
    static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";  // no look-alikes
    crypto::OpenSslRandom random;
    std::string file = "# login\tpassword (qujat demo; for the HTTP API's sign-in)\n";
    for (const std::string& login : logins) {
        QUJAT_ASSIGN_OR_RETURN(std::string bytes, random.bytes(16));
        std::string password;
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (i && i % 4 == 0) password += '-';
            password += kAlphabet[static_cast<unsigned char>(bytes[i]) % 32];
        }
        QUJAT_RETURN_IF_ERROR(rt.accounts().setPassword("operator", login, password));
        file += login + "\t" + password + "\n";
    }
    const std::string path = rt.dataDir() + "/demo-sign-ins.txt";
    QUJAT_RETURN_IF_ERROR(writeFile(path, file));
    if (chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0) return engine::unavailable("cannot restrict " + path + " to its owner");
    return path;
}

Status tellStory(Runtime& rt, const std::string& pkiDir, std::ostream& out) {
    Story story(rt, pkiDir, out);
    engine::Service& service = rt.service();
    auto existing = service.listDocuments(engine::Viewer::localOperator(), engine::DocumentFilter{});
    if (!existing.isOk()) return existing.status();
    if (!existing->empty())
        return engine::failedPrecondition("the demo needs an empty data directory, and " + rt.dataDir() +
                                          " already holds documents; choose another with --data DIR");
    story.chapter("0. Setting up: workflows and the party directory");
    QUJAT_RETURN_IF_ERROR(loadBuiltInWorkflows(rt, "operator", &out));
    if (!service.organisation("PPO-00001").isOk()) {
        const directory::DirectoryData data = directory::generateDirectory(1);
        QUJAT_RETURN_IF_ERROR(service.importDirectory(data.orgs, data.users, data.grants, data.delegations, "operator"));
        story.say("  directory: " + std::to_string(data.orgs.size()) + " organisations, " +
                  std::to_string(data.users.size()) + " users, " + std::to_string(data.grants.size()) + " role grants");
    }
    QUJAT_ASSIGN_OR_RETURN(std::string signIns, createDemoSignIns(rt));
    story.say("  passwords for the HTTP API (qujat serve) of the story's people: " + signIns);
    QUJAT_ASSIGN_OR_RETURN(int registered, story.registerCertificates());
    story.say("  certificates of " + std::to_string(registered) + " signers registered from " + pkiDir +
              "; sign steps take only their CAdES signatures, time-stamped by the engine's TSA");
    QUJAT_ASSIGN_OR_RETURN(engine::Org first, service.organisation("PPO-00001"));
    QUJAT_ASSIGN_OR_RETURN(engine::Org second, service.organisation("PPO-00002"));
    QUJAT_RETURN_IF_ERROR(protocolChapter(story, first));
    QUJAT_RETURN_IF_ERROR(reportChapter(story, second));
    QUJAT_RETURN_IF_ERROR(decisionChapter(story, *first.parentCode));

    story.chapter("4. Left for you: a protocol of " + second.code + " waits for its chairman's signature");
    QUJAT_ASSIGN_OR_RETURN(std::string waiting, story.holder("secretary", second.code));
    engine::SubmitRequest req;
    req.workflowId = "ppo-protocol";
    req.title = "Протокол собрания ППО № 2 / БПҰ жиналысының хаттамасы № 2";
    req.originOrgCode = second.code;
    req.fields = {{"meeting-date", story.today()}, {"present", "23"}};
    req.content = textFile("protocol-2.txt", protocolText(second.nameKk));
    QUJAT_RETURN_IF_ERROR(story.submit(waiting, req).status());

    story.chapter("5. The audit chain");
    QUJAT_ASSIGN_OR_RETURN(engine::AuditVerification v, service.verifyAudit());
    if (!v.intact()) return engine::dataLoss("the audit chain is broken: " + v.problem);
    story.say("  intact: " + std::to_string(v.events) + " events, head #" + std::to_string(v.headSeq) + " " + v.headHash);
    story.say("\nExplore it (data in " + rt.dataDir() + "):\n"
              "  qujat doc list\n  qujat doc show 2\n  qujat doc history 2\n"
              "  qujat task list --as " + story.holder("chairman", second.code).value() + "\n"
              "  qujat audit verify\n"
              "To sign the waiting protocol, give its chairman a certificate and register it:\n"
              "  certs/make-dev-pki.sh " + pkiDir + " " + story.holder("chairman", second.code).value() + "\n"
              "  qujat cert register " + story.holder("chairman", second.code).value() + " " + pkiDir + "/users/" +
              story.holder("chairman", second.code).value() + "/cert.pem");
    return Status::ok();
}

}  // namespace

int runDemo(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"pki"}); !s.isOk()) return reportFailure(s, ctx.json());
    auto pki = args.option("pki");
    if (!pki)
        return reportFailure(engine::invalidArgument("the demo signs for real: make a development PKI with "
                                                     "`certs/make-dev-pki.sh DIR`, then run `qujat demo --pki DIR`"),
                             ctx.json());
    // Before the runtime opens: it chooses how approvals are checked from what it finds.
    for (Status s : {makeDirectories(ctx.options().dataDir), installPki(*pki, ctx.options().dataDir)})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    Status s = tellStory(**rt, *pki, std::cout);
    if (!s.isOk()) return reportFailure(s, ctx.json());
    return 0;
}

}  // namespace qujat::cli

// qujat: the command-line front end and composition root of the engine.
#include <cstdlib>
#include <iostream>
#include <map>

#include "Context.h"
#include "EvidenceCommands.h"
#include "Output.h"
#include "qujat/engine/Clocks.h"

namespace {

using namespace qujat;

const char* const kUsage = R"(usage: qujat [--data DIR] [--json] [--as LOGIN] [--now TIME] COMMAND ...

  init [--pki DIR]                       create the data directory, load the built-in workflows and
                                         (with --pki) the trust anchors, CRLs and TSA key of a PKI
  demo --pki DIR                         route sample documents through all three workflows, signing
  workflow check FILE...                 validate workflow files (schema and semantics)
  workflow load FILE...                  load workflow definitions into the store
  workflow list | show ID [--version N]
  directory generate [--seed N] [--export DIR]
  directory import DIR                   orgs.csv, users.csv, grants.csv [, delegations.csv]
  doc submit FILE --workflow ID --title T [--org CODE] [--field NAME=VALUE]...
  doc approve ID [--signature SIG.p7s] [--comment C] [--task N]
  doc reject ID --comment C [--task N]
  doc resubmit ID FILE [--comment C] [--field NAME=VALUE]...
  doc show ID | history ID | content ID --out FILE [--version N]
  doc export ID --out FILE.zip           evidence package: versions, signatures, timestamps, audit
  verify-package FILE.zip                check an evidence package offline
  doc list [--state S] [--workflow ID] [--org CODE] [--author LOGIN] [--search WORDS]
           [--limit N] [--after ID]
  task list                              the open tasks of --as LOGIN
  tick                                   escalate tasks whose deadline has passed
  audit verify                           recompute the audit chain
  sign --key KEY.pem --cert CERT.pem [--chain CHAIN.pem] --out SIG.p7s FILE
  sign --p12 FILE.p12 [--password-file F] --out SIG.p7s FILE
                                         make a detached CAdES signature (on the signer's machine)
  signature verify --trust DIR --content FILE SIG.p7s
                                         check a signature; exit 0 PASSED, 20 INDETERMINATE, 21 FAILED
  cert register LOGIN CERT.pem | cert list LOGIN
                                         certificates whose signatures count as that user's
  user list [--role R] [--org CODE] [--limit N] [--after LOGIN]
  user add LOGIN --name NAME --org CODE [--email E] [--role ROLE[@ORG]]... [--password-file F]
  user passwd LOGIN --password-file F    set a password for the HTTP API (first line of F)
  serve [--port N] [--bind ADDR] [--config FILE] [--tick SECONDS] [--access-log FILE|stderr|off]
        [--web-root DIR]                 the HTTP API (docs/http-api.md) and the web UI at /
                                         until SIGINT/SIGTERM

The data directory is --data, else $QUJAT_DATA, else ./qujat-data. --as names the user
the command acts for (this CLI is a local operator's tool). --now fixes the clock
(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ). Exit codes: 0 ok, 2 usage, 3 invalid argument,
4 not found, 5 already exists, 6 failed precondition, 7 aborted, 8 permission denied,
9 unauthenticated, 10 unavailable, 11 data loss (audit chain broken), 12 internal,
13 resource exhausted.
)";

using Runner = int (*)(cli::Context&, const cli::Args&);

int run(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
        std::cout << kUsage;
        return words.empty() ? cli::kExitUsage : 0;
    }
    auto parsed = cli::Args::parse(words, cli::kFlags);
    if (!parsed.isOk()) return cli::reportFailure(parsed.status(), false);
    const bool json = parsed->flag("json");
    if (parsed->positionals().empty()) {
        std::cerr << kUsage;
        return cli::kExitUsage;
    }
    const std::string command = parsed->positionals()[0];
    static const std::map<std::string, Runner> kCommands = {
        {"init", cli::runInit},   {"demo", cli::runDemo},         {"workflow", cli::runWorkflow},
        {"directory", cli::runDirectory}, {"doc", cli::runDoc},   {"task", cli::runTask},
        {"tick", cli::runTick},   {"audit", cli::runAudit},       {"user", cli::runUser},
        {"sign", cli::runSign},   {"signature", cli::runSignature}, {"cert", cli::runCert},
        {"verify-package", cli::runVerifyPackage},
        {"serve", cli::runServe},
    };
    auto runner = kCommands.find(command);
    if (runner == kCommands.end()) {
        std::cerr << "qujat: unknown command '" << command << "'\n\n" << kUsage;
        return cli::kExitUsage;
    }

    cli::RuntimeOptions options;
    const char* env = std::getenv("QUJAT_DATA");
    options.dataDir = parsed->option("data").value_or(env && *env ? env : "qujat-data");
    if (auto now = parsed->option("now")) {
        options.now = engine::parseIsoUtc(*now);
        if (!options.now)
            return cli::reportFailure(engine::invalidArgument("--now takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"), json);
    } else if (command == "demo") {
        // The demo replays a week of work: it starts a week ago and moves its own clock.
        options.now = engine::SystemClock().now() - 7LL * 24 * 3600 * 1000;
    }
    cli::Context ctx(options, json, parsed->option("as"));

    return runner->second(ctx, parsed->withoutFirstPositional());
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        // Adapters report failures as Status values; reaching this is a bug worth reporting.
        std::cerr << "qujat: internal error: " << e.what() << "\n";
        return 12;
    }
}

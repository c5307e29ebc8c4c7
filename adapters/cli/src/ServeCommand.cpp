// qujat serve: the HTTP API over the data directory, until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>

#include "ApprovalPolicy.h"
#include "Context.h"
#include "Output.h"
#include "qujat/engine/Clocks.h"
#include "qujat/http/Server.h"
#include "qujat/http/ServerConfig.h"

namespace qujat::cli {

using engine::Status;

namespace {

engine::Result<http::ServerOptions> serverOptions(const Args& args) {
    http::ServerOptions options;
    if (auto config = args.option("config")) {
        auto loaded = http::loadServerConfig(*config, options);
        if (!loaded.isOk()) return loaded.status();
        options = std::move(loaded).value();
    }
    if (auto bind = args.option("bind")) options.bind = *bind;
    if (args.option("port")) {
        QUJAT_ASSIGN_OR_RETURN(long long port, args.integer("port", 0));
        if (port < 0 || port > 65535) return engine::invalidArgument("--port must be from 0 to 65535");
        options.port = static_cast<int>(port);
    }
    if (args.option("tick")) {
        QUJAT_ASSIGN_OR_RETURN(long long seconds, args.integer("tick", 0));
        if (seconds < 0 || seconds > 86400) return engine::invalidArgument("--tick takes seconds from 0 (off) to 86400");
        options.tickSeconds = static_cast<int>(seconds);
    }
    if (auto log = args.option("access-log")) options.accessLog = *log;
    if (auto root = args.option("web-root")) options.webRoot = *root;
    return options;
}

}  // namespace

int runServe(Context& ctx, const Args& args) {
    if (Status s = args.onlyKnown({"port", "bind", "config", "tick", "access-log", "web-root"}); !s.isOk())
        return reportFailure(s, ctx.json());
    if (!args.positionals().empty())
        return reportFailure(engine::invalidArgument("usage: qujat serve [--port N] [--bind ADDR] [--config FILE] [--web-root DIR]"),
                             ctx.json());
    auto options = serverOptions(args);
    if (!options.isOk()) return reportFailure(options.status(), ctx.json());

    // Before any thread starts: SIGINT and SIGTERM are blocked everywhere and taken only by
    // the sigwait below, so no connection thread is interrupted by them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    options->trustDirectory = trustDirectory(ctx.options().dataDir);
    // The web UI this build bundled, unless another was named; without one, the API alone.
    if (options->webRoot.empty()) {
        std::error_code ec;
        if (std::filesystem::is_directory(QUJAT_DEFAULT_WEB_ROOT, ec)) options->webRoot = QUJAT_DEFAULT_WEB_ROOT;
        else std::cerr << "qujat: warning: no web UI at " << QUJAT_DEFAULT_WEB_ROOT << "; serving the API only\n";
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    Runtime& runtime = **rt;
    engine::SystemClock systemClock;
    engine::Clock& clock = runtime.manualClock() ? static_cast<engine::Clock&>(*runtime.manualClock()) : systemClock;
    if (auto workflows = runtime.service().listWorkflows(); workflows.isOk() && workflows->empty())
        std::cerr << "qujat: warning: no workflows are loaded in " << runtime.dataDir() << "; run 'qujat init'\n";

    auto server = http::Server::start({runtime.service(), runtime.accounts(), runtime.store(), clock}, *options);
    if (!server.isOk()) return reportFailure(server.status(), ctx.json());
    std::cerr << "qujat: serving " << (*server)->address() << " (data " << runtime.dataDir()
              << "); stop with Ctrl-C or SIGTERM" << std::endl;

    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "qujat: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
              << ": finishing requests in flight, then stopping" << std::endl;
    (*server)->stop();
    std::cerr << "qujat: stopped" << std::endl;
    return 0;
}

}  // namespace qujat::cli

#pragma once

#include <memory>
#include <optional>
#include <string>

#include "Args.h"
#include "Runtime.h"

namespace qujat::cli {

// What every command gets: the global options and the runtime, opened on first use.
class Context {
public:
    Context(RuntimeOptions options, bool json, std::optional<std::string> actor)
        : options_(std::move(options)), json_(json), actor_(std::move(actor)) {}

    bool json() const { return json_; }
    const RuntimeOptions& options() const { return options_; }
    // The login given with --as; kInvalidArgument if the command needs one and none was given.
    engine::Result<std::string> actor() const;
    // The local operator when no --as is given (administrative commands).
    std::string actorOr(const std::string& fallback) const { return actor_.value_or(fallback); }
    // Reads are limited to what --as may see; without --as the local operator sees everything.
    engine::Viewer viewer() const { return actor_ ? engine::Viewer::user(*actor_) : engine::Viewer::localOperator(); }

    engine::Result<Runtime*> runtime();   // with the store
    engine::Result<Runtime*> tools();     // parser and roles only

private:
    RuntimeOptions options_;
    bool json_;
    std::optional<std::string> actor_;
    std::unique_ptr<Runtime> runtime_;
};

// Each command group: returns the process exit code.
int runInit(Context& ctx, const Args& args);
int runWorkflow(Context& ctx, const Args& args);
int runDirectory(Context& ctx, const Args& args);
int runDoc(Context& ctx, const Args& args);
int runTask(Context& ctx, const Args& args);
int runTick(Context& ctx, const Args& args);
int runAudit(Context& ctx, const Args& args);
int runDemo(Context& ctx, const Args& args);
int runUser(Context& ctx, const Args& args);
int runSign(Context& ctx, const Args& args);
int runSignature(Context& ctx, const Args& args);
int runCert(Context& ctx, const Args& args);
int runServe(Context& ctx, const Args& args);

// Loads the built-in workflows into the store (idempotent). Used by init and demo.
engine::Status loadBuiltInWorkflows(Runtime& rt, const std::string& actor, std::ostream* log);

}  // namespace qujat::cli

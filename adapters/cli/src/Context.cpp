#include "Context.h"

namespace qujat::cli {

engine::Result<std::string> Context::actor() const {
    if (!actor_ || actor_->empty()) return engine::invalidArgument("say who acts with --as LOGIN");
    return *actor_;
}

engine::Result<Runtime*> Context::runtime() {
    if (!runtime_ || !runtime_->hasStore()) {
        auto rt = Runtime::open(options_);
        if (!rt.isOk()) return rt.status();
        runtime_ = std::move(rt).value();
    }
    return runtime_.get();
}

engine::Result<Runtime*> Context::tools() {
    if (!runtime_) {
        auto rt = Runtime::tools(options_);
        if (!rt.isOk()) return rt.status();
        runtime_ = std::move(rt).value();
    }
    return runtime_.get();
}

}  // namespace qujat::cli

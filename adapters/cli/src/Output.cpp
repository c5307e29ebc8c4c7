#include "Output.h"

#include <Poco/JSON/Stringifier.h>

#include <iostream>

namespace qujat::cli {

using engine::StatusCode;

int exitCodeFor(StatusCode code) {
    switch (code) {
        case StatusCode::kOk: return 0;
        case StatusCode::kInvalidArgument: return 3;
        case StatusCode::kNotFound: return 4;
        case StatusCode::kAlreadyExists: return 5;
        case StatusCode::kFailedPrecondition: return 6;
        case StatusCode::kAborted: return 7;
        case StatusCode::kPermissionDenied: return 8;
        case StatusCode::kUnauthenticated: return 9;
        case StatusCode::kUnavailable: return 10;
        case StatusCode::kDataLoss: return 11;
        case StatusCode::kInternal: return 12;
        case StatusCode::kResourceExhausted: return 13;
    }
    return 12;
}

int reportFailure(const engine::Status& status, bool json) {
    if (json) {
        auto o = newObject();
        o->set("error", engine::statusCodeName(status.code()));
        o->set("message", status.message());
        printJson(o);
    } else {
        std::cerr << "qujat: " << engine::statusCodeName(status.code()) << ": " << status.message() << "\n";
    }
    return exitCodeFor(status.code());
}

void printJson(const Poco::Dynamic::Var& value) {
    Poco::JSON::Stringifier::stringify(value, std::cout, 2);
    std::cout << "\n";
}

std::string describe(const engine::Document& d) {
    std::string s = "#" + std::to_string(d.id) + " " + d.documentType + " «" + d.title + "» from " + d.originOrgCode +
                    ": " + engine::documentStateName(d.state) + ", step " + d.currentStep + ", version " +
                    std::to_string(d.currentVersion);
    if (d.registrationNumber) s += ", № " + *d.registrationNumber;
    return s;
}

std::string describe(const engine::Task& t) {
    std::string who = t.assigneeLogin ? "user:" + *t.assigneeLogin : "role:" + t.role + "@" + t.orgCode;
    std::string s = "task " + std::to_string(t.id) + " [" + t.stepId + " seat " + std::to_string(t.seat) + "] " + who +
                    " " + engine::taskStateName(t.state);
    if (t.dueAt) s += ", due " + engine::formatIsoUtc(*t.dueAt);
    if (t.escalated) s += ", escalated";
    if (t.escalatedFrom) s += ", escalation of task " + std::to_string(*t.escalatedFrom);
    if (t.actorLogin) s += ", by " + *t.actorLogin;
    if (!t.comment.empty()) s += ": «" + t.comment + "»";
    return s;
}

}  // namespace qujat::cli

// qujat directory generate|import
#include <iostream>

#include "Context.h"
#include "FileIo.h"
#include "Output.h"
#include "qujat/directory/DirectoryCsv.h"
#include "qujat/directory/DirectoryGenerator.h"

namespace qujat::cli {

using engine::Status;

namespace {

const char* const kCsvNames[] = {"orgs.csv", "users.csv", "grants.csv", "delegations.csv"};

int store(Context& ctx, Runtime& rt, const directory::DirectoryData& data) {
    Status s = rt.service().importDirectory(data.orgs, data.users, data.grants, data.delegations,
                                            ctx.actorOr("operator"));
    if (!s.isOk()) return reportFailure(s, ctx.json());
    if (ctx.json()) {
        auto o = newObject();
        o->set("orgs", data.orgs.size());
        o->set("users", data.users.size());
        o->set("grants", data.grants.size());
        o->set("delegations", data.delegations.size());
        printJson(o);
    } else {
        std::cout << "imported " << data.orgs.size() << " organisations, " << data.users.size() << " users, "
                  << data.grants.size() << " role grants, " << data.delegations.size() << " delegations\n";
    }
    return 0;
}

int generate(Context& ctx, const Args& args) {
    auto seed = args.integer("seed", 1);
    if (!seed.isOk()) return reportFailure(seed.status(), ctx.json());
    const directory::DirectoryData data = directory::generateDirectory(static_cast<std::uint64_t>(*seed));
    if (auto dir = args.option("export")) {
        // Export only: CSV files an administrator can edit and import.
        if (Status s = makeDirectories(*dir); !s.isOk()) return reportFailure(s, ctx.json());
        const directory::DirectoryCsvFiles csv = directory::writeDirectoryCsv(data);
        const std::string* texts[] = {&csv.orgs, &csv.users, &csv.grants, &csv.delegations};
        for (int i = 0; i < 4; ++i)
            if (Status s = writeFile(*dir + "/" + kCsvNames[i], *texts[i]); !s.isOk()) return reportFailure(s, ctx.json());
        if (!ctx.json()) std::cout << "wrote " << *dir << "/{orgs,users,grants,delegations}.csv\n";
        return 0;
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    return store(ctx, **rt, data);
}

int import(Context& ctx, const Args& args) {
    if (args.positionals().size() != 2)
        return reportFailure(engine::invalidArgument("usage: qujat directory import DIR (with orgs.csv, users.csv, "
                                                     "grants.csv and optionally delegations.csv)"),
                             ctx.json());
    const std::string dir = args.positionals()[1];
    directory::DirectoryCsvFiles csv;
    std::string* texts[] = {&csv.orgs, &csv.users, &csv.grants, &csv.delegations};
    for (int i = 0; i < 4; ++i) {
        const std::string path = dir + "/" + kCsvNames[i];
        if (i == 3 && !fileExists(path)) break;  // delegations are optional
        auto text = readFile(path);
        if (!text.isOk()) return reportFailure(text.status(), ctx.json());
        *texts[i] = std::move(text).value();
    }
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    std::vector<std::string> roles;
    for (const auto& r : (*rt)->roles()) roles.push_back(r.name);
    auto data = directory::parseDirectoryCsv(csv, roles);
    if (!data.isOk()) return reportFailure(data.status(), ctx.json());
    return store(ctx, **rt, *data);
}

}  // namespace

int runDirectory(Context& ctx, const Args& args) {
    const auto& p = args.positionals();
    const std::string sub = p.empty() ? "" : p[0];
    if (Status s = args.onlyKnown({"seed", "export"}); !s.isOk()) return reportFailure(s, ctx.json());
    if (sub == "generate") return generate(ctx, args);
    if (sub == "import") return import(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat directory generate [--seed N] [--export DIR] | import DIR"),
                         ctx.json());
}

}  // namespace qujat::cli

#include "qujat/engine/FieldValidation.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "qujat/engine/Utf8.h"

namespace qujat::engine {

namespace {

std::optional<long long> parseInteger(const std::string& text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::size_t i = text[0] == '-' ? 1 : 0;
    if (i == text.size()) return std::nullopt;
    for (std::size_t j = i; j < text.size(); ++j)
        if (text[j] < '0' || text[j] > '9') return std::nullopt;
    errno = 0;
    const long long value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE) return std::nullopt;
    return value;
}

Status checkValue(const FieldDef& f, const std::string& value) {
    const std::string where = "field '" + f.name + "'";
    auto length = utf8Length(value);
    if (!length) return invalidArgument(where + " is not valid UTF-8");
    switch (f.type) {
        case FieldType::kString:
        case FieldType::kText:
            if (f.type == FieldType::kString && value.find_first_of("\r\n") != std::string::npos)
                return invalidArgument(where + " must be a single line");
            if (f.maxLength && *length > *f.maxLength)
                return invalidArgument(where + " is " + std::to_string(*length) + " characters long; at most " +
                                       std::to_string(*f.maxLength) + " are allowed");
            return Status::ok();
        case FieldType::kInteger: {
            auto n = parseInteger(value);
            if (!n) return invalidArgument(where + " must be a whole number, not '" + value + "'");
            if (f.min && *n < *f.min) return invalidArgument(where + " must be at least " + std::to_string(*f.min));
            if (f.max && *n > *f.max) return invalidArgument(where + " must be at most " + std::to_string(*f.max));
            return Status::ok();
        }
        case FieldType::kDate:
            if (!parseIsoDate(value)) return invalidArgument(where + " must be a calendar date YYYY-MM-DD, not '" + value + "'");
            return Status::ok();
        case FieldType::kBoolean:
            if (value != "true" && value != "false") return invalidArgument(where + " must be true or false");
            return Status::ok();
        case FieldType::kEnum: {
            const bool known = std::any_of(f.options.begin(), f.options.end(),
                                           [&](const FieldOption& o) { return o.value == value; });
            if (known) return Status::ok();
            std::string allowed;
            for (const FieldOption& o : f.options) allowed += (allowed.empty() ? "" : ", ") + o.value;
            return invalidArgument(where + " must be one of " + allowed + ", not '" + value + "'");
        }
    }
    return Status::ok();
}

}  // namespace

Status validateFields(const WorkflowDefinition& workflow, const std::map<std::string, std::string>& fields) {
    for (const FieldDef& f : workflow.fields) {
        auto it = fields.find(f.name);
        if (f.required && (it == fields.end() || it->second.empty()))
            return invalidArgument("field '" + f.name + "' is required by workflow '" + workflow.id + "'");
    }
    for (const auto& [name, value] : fields) {
        const FieldDef* f = workflow.field(name);
        if (!f) return invalidArgument("workflow '" + workflow.id + "' has no field '" + name + "'");
        // An empty optional field is the same as an absent one.
        if (value.empty() && !f->required) continue;
        QUJAT_RETURN_IF_ERROR(checkValue(*f, value));
    }
    return Status::ok();
}

}  // namespace qujat::engine

#include "XmlDocument.h"

namespace qujat::xml {

XmlDocument::XmlDocument(XmlDocPtr doc, std::unordered_map<const xmlNode*, std::size_t> tagOffsets,
                         const SourceText& source)
    : doc_(std::move(doc)), tagOffsets_(std::move(tagOffsets)), source_(source) {}

engine::SourceLocation XmlDocument::where(const xmlNode* element) const {
    auto it = tagOffsets_.find(element);
    if (it != tagOffsets_.end()) return source_.locate(it->second);
    // Every element is recorded while parsing; this only guards against a node made later.
    const long line = element ? xmlGetLineNo(element) : -1;
    return {source_.name(), line > 0 ? static_cast<int>(line) : 1, 1};
}

engine::SourceLocation XmlDocument::whereAttribute(const xmlNode* element, const std::string& qname) const {
    auto it = tagOffsets_.find(element);
    if (it == tagOffsets_.end()) return where(element);
    for (const RawAttribute& a : source_.attributesOfTag(it->second))
        if (a.name == qname) return source_.locate(a.offset);
    return where(element);
}

engine::SourceLocation XmlDocument::whereNode(const xmlNode* node) const {
    if (!node) return source_.start();
    if (node->type == XML_ATTRIBUTE_NODE) {
        std::string qname = asChars(node->name);
        if (node->ns && node->ns->prefix) qname = std::string(asChars(node->ns->prefix)) + ":" + qname;
        return whereAttribute(node->parent, qname);
    }
    if (node->type != XML_ELEMENT_NODE && node->parent) return whereNode(node->parent);
    return where(node);
}

}  // namespace qujat::xml

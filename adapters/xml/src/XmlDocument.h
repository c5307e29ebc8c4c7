#pragma once

#include <cstddef>
#include <unordered_map>

#include "LibXmlHandles.h"
#include "SourceText.h"

namespace qujat::xml {

// A parsed, well-formed document together with where each element's start tag begins in
// the source, so any node can be reported as file:line:column. Owns the libxml2 tree;
// refers to (does not own) the SourceText, which must outlive it.
class XmlDocument {
public:
    XmlDocument(XmlDocPtr doc, std::unordered_map<const xmlNode*, std::size_t> tagOffsets, const SourceText& source);

    xmlDoc* doc() const { return doc_.get(); }
    // The root element; never null (the reader refuses documents without one).
    xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }
    const SourceText& source() const { return source_; }

    // Where the start tag of `element` begins.
    engine::SourceLocation where(const xmlNode* element) const;
    // Where attribute `qname` (e.g. "due", "xml:lang") of `element` is written; the
    // element's position when it is not written there.
    engine::SourceLocation whereAttribute(const xmlNode* element, const std::string& qname) const;
    // Either of the above for an element or attribute node, the parent element for text.
    engine::SourceLocation whereNode(const xmlNode* node) const;

private:
    XmlDocPtr doc_;
    std::unordered_map<const xmlNode*, std::size_t> tagOffsets_;
    const SourceText& source_;
};

}  // namespace qujat::xml

#include "xml_tree.h"

#include "model/core/error.h"

#include <expat.h>

#include <climits>
#include <memory>

namespace strawman::exporters {

namespace {

constexpr char kSeparator = ' '; // between a namespace URI and a local name; URIs have no spaces

struct Builder {
    XML_Parser parser = nullptr;
    XmlElement root;
    std::vector<XmlElement*> open;
    bool hasRoot = false;
};

void splitName(const char* full, std::string& ns, std::string& local) {
    const std::string_view s(full);
    const auto at = s.rfind(kSeparator);
    if (at == std::string_view::npos) {
        ns.clear();
        local = s;
    } else {
        ns = s.substr(0, at);
        local = s.substr(at + 1);
    }
}

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto* b = static_cast<Builder*>(data);
    XmlElement element;
    splitName(name, element.ns, element.name);
    element.line = static_cast<int>(XML_GetCurrentLineNumber(b->parser));
    for (const XML_Char** a = attributes; *a; a += 2) element.attributes.emplace_back(a[0], a[1]);
    if (b->open.empty()) {
        b->root = std::move(element);
        b->hasRoot = true;
        b->open.push_back(&b->root);
    } else {
        // The open parent stays where it is while its children grow: only
        // closed elements move.
        b->open.back()->children.push_back(std::move(element));
        b->open.push_back(&b->open.back()->children.back());
    }
}

void XMLCALL onEnd(void* data, const XML_Char*) {
    static_cast<Builder*>(data)->open.pop_back();
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    auto* b = static_cast<Builder*>(data);
    if (!b->open.empty()) b->open.back()->text.append(text, static_cast<std::size_t>(length));
}

} // namespace

const std::string* XmlElement::attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
        if (k == key) return &v;
    return nullptr;
}

const std::string* XmlElement::attribute(std::string_view nsUri, std::string_view local) const {
    std::string key(nsUri);
    key += kSeparator;
    key += local;
    return attribute(key);
}

std::string XmlElement::value(std::string_view key) const {
    const std::string* v = attribute(key);
    return v ? *v : std::string();
}

XmlElement readXml(std::string_view text, std::string_view fileName) {
    const std::string file(fileName);
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        throw model::InputError(file, 0, "the file is too large to be read as XML");
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS(nullptr, kSeparator), &XML_ParserFree);
    if (!parser) throw model::Error("out of memory reading " + file);
    Builder b;
    b.parser = parser.get();
    XML_SetUserData(parser.get(), &b);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    if (XML_Parse(parser.get(), text.data(), static_cast<int>(text.size()), XML_TRUE) ==
        XML_STATUS_ERROR) {
        const int line = static_cast<int>(XML_GetCurrentLineNumber(parser.get()));
        throw model::InputError(file, line,
                                std::string("not well-formed XML: ") +
                                    XML_ErrorString(XML_GetErrorCode(parser.get())));
    }
    if (!b.hasRoot) throw model::InputError(file, 0, "no XML element found: the file is empty");
    return std::move(b.root);
}

} // namespace strawman::exporters

// An SVG read back for the picture exporter's tests: parsed with expat into a
// tree of elements, so a test asks what a reader of the file would find (the
// group of a node by its id, the text in it, a line's colour and dashes)
// rather than searching the bytes. A file that is not well-formed XML is a
// parse error naming the line. Header-only.
#pragma once

#include <expat.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace strawman::test {

struct SvgElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text; // character data directly inside it
    std::vector<std::unique_ptr<SvgElement>> children;

    std::string attribute(const std::string& key) const {
        auto found = attributes.find(key);
        return found == attributes.end() ? std::string() : found->second;
    }
    // Every element below this one (not itself) named `tag`, in document order.
    std::vector<const SvgElement*> all(const std::string& tag) const {
        std::vector<const SvgElement*> out;
        collect(tag, out);
        return out;
    }
    // The text of every <text> below, in order, each one a string.
    std::vector<std::string> texts() const {
        std::vector<std::string> out;
        for (const SvgElement* t : all("text")) out.push_back(t->text);
        return out;
    }
    // The same, joined with single spaces.
    std::string joinedText() const {
        std::string out;
        for (const std::string& t : texts()) out += (out.empty() ? "" : " ") + t;
        return out;
    }

  private:
    void collect(const std::string& tag, std::vector<const SvgElement*>& out) const {
        for (const auto& child : children) {
            if (child->name == tag) out.push_back(child.get());
            child->collect(tag, out);
        }
    }
};

class SvgDocument {
  public:
    // Throws std::runtime_error with expat's reason and the line when the
    // bytes are not well-formed XML.
    explicit SvgDocument(const std::string& bytes) {
        XML_Parser parser = XML_ParserCreate("UTF-8");
        XML_SetUserData(parser, this);
        XML_SetElementHandler(parser, &SvgDocument::start, &SvgDocument::end);
        XML_SetCharacterDataHandler(parser, &SvgDocument::characters);
        const bool parsed = XML_Parse(parser, bytes.data(), static_cast<int>(bytes.size()),
                                      XML_TRUE) == XML_STATUS_OK;
        std::string reason;
        if (!parsed)
            reason = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                     std::to_string(XML_GetCurrentLineNumber(parser));
        XML_ParserFree(parser);
        if (!parsed) throw std::runtime_error("the SVG is not well-formed XML: " + reason);
        if (!m_root) throw std::runtime_error("the SVG has no root element");
    }

    const SvgElement& root() const { return *m_root; }

    // The elements named `tag` whose id is `id`; a test that expects one checks the size.
    std::vector<const SvgElement*> withId(const std::string& tag, const std::string& id) const {
        std::vector<const SvgElement*> out;
        for (const SvgElement* e : m_root->all(tag))
            if (e->attribute("id") == id) out.push_back(e);
        return out;
    }
    // The first element named `tag` with id `id`, or null.
    const SvgElement* find(const std::string& tag, const std::string& id) const {
        const auto found = withId(tag, id);
        return found.empty() ? nullptr : found.front();
    }
    // The groups whose class (space-separated words) holds `word`.
    std::vector<const SvgElement*> groupsOfClass(const std::string& word) const {
        std::vector<const SvgElement*> out;
        for (const SvgElement* g : m_root->all("g"))
            if ((" " + g->attribute("class") + " ").find(" " + word + " ") != std::string::npos)
                out.push_back(g);
        return out;
    }

  private:
    static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* self = static_cast<SvgDocument*>(data);
        auto element = std::make_unique<SvgElement>();
        element->name = name;
        for (const XML_Char** a = attributes; *a; a += 2) element->attributes[a[0]] = a[1];
        SvgElement* raw = element.get();
        if (self->m_open.empty())
            self->m_root = std::move(element);
        else
            self->m_open.back()->children.push_back(std::move(element));
        self->m_open.push_back(raw);
    }
    static void end(void* data, const XML_Char*) {
        static_cast<SvgDocument*>(data)->m_open.pop_back();
    }
    static void characters(void* data, const XML_Char* text, int length) {
        auto* self = static_cast<SvgDocument*>(data);
        if (!self->m_open.empty())
            self->m_open.back()->text.append(text, static_cast<std::size_t>(length));
    }

    std::unique_ptr<SvgElement> m_root;
    std::vector<SvgElement*> m_open;
};

} // namespace strawman::test

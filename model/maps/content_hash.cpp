#include "content_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace strawman::model {

namespace {
// Each field is length-prefixed so no label can imitate a field boundary.
void field(std::string& out, std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
}
} // namespace

std::string contentHash(const MapContent& map) {
    std::unordered_map<NodeId, std::string_view> keyOf;
    std::vector<std::string> lines;
    lines.reserve(map.nodes.size() + map.edges.size());
    for (const Node& n : map.nodes) {
        keyOf[n.id] = n.key;
        std::string line = "node ";
        field(line, n.key);
        field(line, toText(n.kind));
        field(line, n.label);
        field(line, n.activity);
        field(line, n.lane);
        lines.push_back(std::move(line));
    }
    for (const Edge& e : map.edges) {
        std::string line = "edge ";
        field(line, keyOf[e.from]);
        field(line, keyOf[e.to]);
        field(line, e.label);
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());

    std::string canonical = "strawman-map-v1\n";
    for (const auto& line : lines) canonical += line + "\n";

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

} // namespace strawman::model

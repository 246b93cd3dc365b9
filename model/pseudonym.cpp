#include "pseudonym.h"

#include "error.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace strawman::model {

std::string normaliseIdentifier(std::string_view identifier) {
    std::string out;
    out.reserve(identifier.size());
    for (char c : identifier)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '-') out += c;
    return out;
}

PseudonymKey PseudonymKey::fromBytes(std::string_view bytes) {
    if (bytes.size() < 16) throw Error("a pseudonymisation key needs at least 16 bytes");
    PseudonymKey k;
    k.m_key = std::string(bytes);
    return k;
}

std::filesystem::path PseudonymKey::defaultPath(std::string_view networkId) {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    else
        throw Error("no home directory to keep the pseudonymisation key in: give --key-file");
    return base / "strawman" / "keys" / (std::string(networkId) + ".key");
}

PseudonymKey PseudonymKey::loadOrCreate(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::filesystem::create_directories(path.parent_path(), ec);
        unsigned char bytes[kBytes];
        if (RAND_bytes(bytes, sizeof bytes) != 1) throw Error("cannot make a random key");
        static constexpr char kHex[] = "0123456789abcdef";
        std::string hex;
        for (unsigned char b : bytes) {
            hex += kHex[b >> 4];
            hex += kHex[b & 15];
        }
        // Written beside and linked into place: two imports starting at once
        // cannot end up with different keys.
        const auto tmp = path.string() + ".new";
        {
            const mode_t old = umask(077);
            std::ofstream out(tmp, std::ios::trunc);
            out << hex << "\n";
            umask(old);
            if (!out.flush()) throw Error("cannot write the pseudonymisation key to " + tmp);
        }
        std::filesystem::permissions(tmp, std::filesystem::perms::owner_read |
                                              std::filesystem::perms::owner_write, ec);
        std::filesystem::create_hard_link(tmp, path, ec); // fails harmlessly if another won
        std::filesystem::remove(tmp, ec);
    }
    std::ifstream in(path);
    if (!in) throw Error("cannot read the pseudonymisation key " + path.string());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (text.size() != 2 * kBytes || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        throw Error(path.string() + " is not a Strawman pseudonymisation key (64 hex digits expected)");
    std::string bytes;
    for (std::size_t i = 0; i < text.size(); i += 2)
        bytes += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    return fromBytes(bytes);
}

Pseudonym PseudonymKey::mac(std::string_view domain, std::string_view identifier) const {
    // The domain keeps a case number and a patient number that happen to be the
    // same digits from getting the same pseudonym.
    std::string message(domain);
    message += '\0';
    message += normaliseIdentifier(identifier);
    Pseudonym out{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), m_key.data(), static_cast<int>(m_key.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(),
              &length) ||
        length != out.size())
        throw Error("HMAC-SHA256 failed");
    return out;
}

Pseudonym PseudonymKey::caseKey(std::string_view identifier) const { return mac("case", identifier); }

Pseudonym PseudonymKey::patientKey(std::string_view identifier) const {
    return mac("patient", identifier);
}

} // namespace strawman::model

#include "pseudonym.h"

#include "model/core/error.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
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

namespace {
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
DigestContext newContext() {
    DigestContext ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx) throw Error("cannot make a SHA-256 context");
    return ctx;
}
} // namespace

// HMAC-SHA256 is H((K ^ opad) || H((K ^ ipad) || m)). The two keyed prefixes are
// the same for every identifier, so their hash states are computed once and
// copied per call: an import pseudonymises hundreds of thousands of cases.
struct PseudonymKey::Hmac {
    DigestContext inner = newContext();
    DigestContext outer = newContext();

    explicit Hmac(std::string_view key) {
        constexpr std::size_t kBlock = 64;
        std::string k0(key);
        if (k0.size() > kBlock) {
            unsigned char digest[EVP_MAX_MD_SIZE];
            unsigned int n = 0;
            EVP_Digest(k0.data(), k0.size(), digest, &n, EVP_sha256(), nullptr);
            k0.assign(reinterpret_cast<const char*>(digest), n);
        }
        k0.resize(kBlock, '\0');
        std::string ipad(kBlock, '\0'), opad(kBlock, '\0');
        for (std::size_t i = 0; i < kBlock; ++i) {
            ipad[i] = static_cast<char>(k0[i] ^ 0x36);
            opad[i] = static_cast<char>(k0[i] ^ 0x5c);
        }
        if (EVP_DigestInit_ex(inner.get(), EVP_sha256(), nullptr) != 1 ||
            EVP_DigestUpdate(inner.get(), ipad.data(), ipad.size()) != 1 ||
            EVP_DigestInit_ex(outer.get(), EVP_sha256(), nullptr) != 1 ||
            EVP_DigestUpdate(outer.get(), opad.data(), opad.size()) != 1)
            throw Error("HMAC-SHA256 key set-up failed");
        OPENSSL_cleanse(k0.data(), k0.size());
        OPENSSL_cleanse(ipad.data(), ipad.size());
        OPENSSL_cleanse(opad.data(), opad.size());
    }
};

PseudonymKey PseudonymKey::fromBytes(std::string_view bytes) {
    if (bytes.size() < 16) throw Error("a pseudonymisation key needs at least 16 bytes");
    PseudonymKey k;
    k.m_key = std::string(bytes);
    k.m_hmac = std::make_shared<const Hmac>(k.m_key);
    return k;
}

std::filesystem::path PseudonymKey::defaultPath(std::string_view networkId) {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    else
        throw Error("no home directory to keep the pseudonymisation key in", Remedy::GiveKeyFile);
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
        std::filesystem::permissions(
            tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
        std::filesystem::create_hard_link(tmp, path, ec); // fails harmlessly if another won
        std::filesystem::remove(tmp, ec);
    }
    std::ifstream in(path);
    if (!in) throw Error("cannot read the pseudonymisation key " + path.string());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (text.size() != 2 * kBytes ||
        text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        throw Error(path.string() +
                    " is not a Strawman pseudonymisation key (64 hex digits expected)");
    std::string bytes;
    for (std::size_t i = 0; i < text.size(); i += 2)
        bytes += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    return fromBytes(bytes);
}

Pseudonym PseudonymKey::mac(std::string_view domain, std::string_view identifier) const {
    // The domain keeps a case number and a patient number that happen to be the
    // same digits from getting the same pseudonym.
    const std::string id = normaliseIdentifier(identifier);
    thread_local DigestContext work = newContext();
    unsigned char innerDigest[EVP_MAX_MD_SIZE];
    unsigned int innerLength = 0;
    Pseudonym out{};
    unsigned int length = 0;
    const char separator = '\0';
    if (EVP_MD_CTX_copy_ex(work.get(), m_hmac->inner.get()) != 1 ||
        EVP_DigestUpdate(work.get(), domain.data(), domain.size()) != 1 ||
        EVP_DigestUpdate(work.get(), &separator, 1) != 1 ||
        EVP_DigestUpdate(work.get(), id.data(), id.size()) != 1 ||
        EVP_DigestFinal_ex(work.get(), innerDigest, &innerLength) != 1 ||
        EVP_MD_CTX_copy_ex(work.get(), m_hmac->outer.get()) != 1 ||
        EVP_DigestUpdate(work.get(), innerDigest, innerLength) != 1 ||
        EVP_DigestFinal_ex(work.get(), out.data(), &length) != 1 || length != out.size())
        throw Error("HMAC-SHA256 failed");
    return out;
}

Pseudonym PseudonymKey::caseKey(std::string_view identifier) const {
    return mac("case", identifier);
}

Pseudonym PseudonymKey::patientKey(std::string_view identifier) const {
    return mac("patient", identifier);
}

} // namespace strawman::model

// Pseudonymisation of case and patient identifiers (docs/design.md, Information
// governance). A keyed HMAC-SHA256: the same identifier under the same key gives
// the same pseudonym, so a patient links across trusts, but without the key the
// workspace file cannot be reversed by hashing every possible NHS number. The
// key lives outside the workspace, in the user's config directory or a file
// given on the command line.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace strawman::model {

using Pseudonym = std::array<std::uint8_t, 32>;

class PseudonymKey {
  public:
    static constexpr std::size_t kBytes = 32;

    // Reads the key at path, or creates it there (random, mode 0600) when the
    // file does not exist. Throws Error for an unreadable or malformed key.
    static PseudonymKey loadOrCreate(const std::filesystem::path& path);
    // For tests: a key from given bytes.
    static PseudonymKey fromBytes(std::string_view bytes);

    // Where the key of a network is kept by default:
    // $XDG_CONFIG_HOME/strawman/keys/<network id>.key (~/.config when unset).
    static std::filesystem::path defaultPath(std::string_view networkId);

    Pseudonym caseKey(std::string_view identifier) const;
    Pseudonym patientKey(std::string_view identifier) const;

  private:
    struct Hmac; // the key's inner and outer SHA-256 states, computed once (RFC 2104)
    Pseudonym mac(std::string_view domain, std::string_view identifier) const;
    std::string m_key;
    std::shared_ptr<const Hmac> m_hmac;
};

// Identifiers are compared after trimming and removing inner spaces, so
// "943 476 5919" and "9434765919" are one NHS number.
std::string normaliseIdentifier(std::string_view identifier);

// All zero: the pseudonym of no one (a case whose patient is not known).
inline bool isZero(const Pseudonym& p) {
    for (auto b : p)
        if (b) return false;
    return true;
}

} // namespace strawman::model

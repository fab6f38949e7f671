extension IndianState {
    /// Reads a state as addresses and partners write it: the official name, an old or common spelling
    /// ("Orissa", "Pondicherry", "New Delhi"), a two-letter abbreviation ("KA", "TN") or the GST code
    /// ("29", "9"). Case, punctuation and spacing do not matter, and `&` reads as "and", so "J&K",
    /// "jammu & kashmir" and "Jammu and Kashmir" are one state. `nil` when the text names none.
    public init?(matching text: String) {
        let key = IndianState.matchingKey(text)
        if !key.isEmpty, key.allSatisfy(\.isNumber) {
            self.init(gstCode: key)
        } else if let state = IndianState.spellings[key] {
            self = state
        } else {
            return nil
        }
    }

    /// Lower-case ASCII letters and digits only, with `&` spelled out.
    static func matchingKey(_ text: String) -> String {
        var key = ""
        for character in text.lowercased() {
            if character == "&" {
                key += "and"
            } else if character.isASCII, character.isLetter || character.isNumber {
                key.append(character)
            }
        }
        return key
    }

    /// Every accepted spelling, by matching key; built once, and trapping on a spelling given to two states.
    static let spellings: [String: IndianState] = {
        var table: [String: IndianState] = [:]
        for state in IndianState.allCases {
            for spelling in [state.name] + state.otherSpellings {
                let key = matchingKey(spelling)
                if let earlier = table.updateValue(state, forKey: key), earlier != state {
                    preconditionFailure("\(spelling) names both \(earlier.name) and \(state.name)")
                }
            }
        }
        return table
    }()

    /// Spellings other than the official name: abbreviations (vehicle-registration and ISO 3166-2:IN
    /// letters), names before a rename or merger, and frequent misspellings.
    private var otherSpellings: [String] {
        switch self {
        case .jammuAndKashmir: ["JK", "J&K", "Jammu Kashmir"]
        case .himachalPradesh: ["HP"]
        case .punjab: ["PB"]
        case .chandigarh: ["CH"]
        case .uttarakhand: ["UK", "UT", "Uttaranchal", "Uttrakhand"]
        case .haryana: ["HR"]
        case .delhi: ["DL", "New Delhi", "NCT of Delhi", "NCT Delhi", "National Capital Territory of Delhi"]
        case .rajasthan: ["RJ"]
        case .uttarPradesh: ["UP"]
        case .bihar: ["BR", "BH"]
        case .sikkim: ["SK"]
        case .arunachalPradesh: ["AR"]
        case .nagaland: ["NL"]
        case .manipur: ["MN"]
        case .mizoram: ["MZ"]
        case .tripura: ["TR"]
        case .meghalaya: ["ML"]
        case .assam: ["AS"]
        case .westBengal: ["WB"]
        case .jharkhand: ["JH"]
        case .odisha: ["OD", "OR", "Orissa"]
        case .chhattisgarh: ["CG", "CT", "Chattisgarh", "Chhatisgarh", "Chattisgadh"]
        case .madhyaPradesh: ["MP"]
        case .gujarat: ["GJ"]
        case .dadraNagarHaveliDamanDiu:
            ["DH", "DN", "DD", "DNHDD", "Dadra and Nagar Haveli", "Dadra Nagar Haveli", "Daman and Diu",
             "Daman Diu"]
        case .maharashtra: ["MH"]
        case .karnataka: ["KA"]
        case .goa: ["GA"]
        case .lakshadweep: ["LD", "Lakshadweep Islands", "Laccadive Islands"]
        case .kerala: ["KL"]
        case .tamilNadu: ["TN"]
        case .puducherry: ["PY", "Pondicherry", "Pondichery"]
        case .andamanAndNicobarIslands: ["AN", "A&N", "A&N Islands", "Andaman and Nicobar", "Andaman", "Andaman Islands"]
        case .telangana: ["TG", "TS", "Telengana"]
        case .andhraPradesh: ["AP"]
        case .ladakh: ["LA"]
        case .otherTerritory: ["OT"]
        }
    }
}

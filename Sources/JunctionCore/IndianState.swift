/// An Indian state or union territory, as GST knows it: each has the two-digit state code that opens the
/// GSTINs registered there and that e-invoices name as the place of supply.
///
/// Two retired codes are still read: 25 (Daman and Diu) and 28 (Andhra Pradesh before 2014) resolve to the
/// territory and state that replaced them, 26 and 37. The raw value is the code as GST writes it (`"07"`).
public enum IndianState: String, CaseIterable, Hashable, Sendable {
    case jammuAndKashmir = "01"
    case himachalPradesh = "02"
    case punjab = "03"
    case chandigarh = "04"
    case uttarakhand = "05"
    case haryana = "06"
    case delhi = "07"
    case rajasthan = "08"
    case uttarPradesh = "09"
    case bihar = "10"
    case sikkim = "11"
    case arunachalPradesh = "12"
    case nagaland = "13"
    case manipur = "14"
    case mizoram = "15"
    case tripura = "16"
    case meghalaya = "17"
    case assam = "18"
    case westBengal = "19"
    case jharkhand = "20"
    case odisha = "21"
    case chhattisgarh = "22"
    case madhyaPradesh = "23"
    case gujarat = "24"
    case dadraNagarHaveliDamanDiu = "26"
    case maharashtra = "27"
    case karnataka = "29"
    case goa = "30"
    case lakshadweep = "31"
    case kerala = "32"
    case tamilNadu = "33"
    case puducherry = "34"
    case andamanAndNicobarIslands = "35"
    case telangana = "36"
    case andhraPradesh = "37"
    case ladakh = "38"
    case otherTerritory = "97"

    /// The two-digit GST state code, such as `"07"`.
    public var gstCode: String { rawValue }

    /// The official name.
    public var name: String {
        switch self {
        case .jammuAndKashmir: "Jammu and Kashmir"
        case .himachalPradesh: "Himachal Pradesh"
        case .punjab: "Punjab"
        case .chandigarh: "Chandigarh"
        case .uttarakhand: "Uttarakhand"
        case .haryana: "Haryana"
        case .delhi: "Delhi"
        case .rajasthan: "Rajasthan"
        case .uttarPradesh: "Uttar Pradesh"
        case .bihar: "Bihar"
        case .sikkim: "Sikkim"
        case .arunachalPradesh: "Arunachal Pradesh"
        case .nagaland: "Nagaland"
        case .manipur: "Manipur"
        case .mizoram: "Mizoram"
        case .tripura: "Tripura"
        case .meghalaya: "Meghalaya"
        case .assam: "Assam"
        case .westBengal: "West Bengal"
        case .jharkhand: "Jharkhand"
        case .odisha: "Odisha"
        case .chhattisgarh: "Chhattisgarh"
        case .madhyaPradesh: "Madhya Pradesh"
        case .gujarat: "Gujarat"
        case .dadraNagarHaveliDamanDiu: "Dadra and Nagar Haveli and Daman and Diu"
        case .maharashtra: "Maharashtra"
        case .karnataka: "Karnataka"
        case .goa: "Goa"
        case .lakshadweep: "Lakshadweep"
        case .kerala: "Kerala"
        case .tamilNadu: "Tamil Nadu"
        case .puducherry: "Puducherry"
        case .andamanAndNicobarIslands: "Andaman and Nicobar Islands"
        case .telangana: "Telangana"
        case .andhraPradesh: "Andhra Pradesh"
        case .ladakh: "Ladakh"
        case .otherTerritory: "Other Territory"
        }
    }

    /// The state of a GST code, current or retired, with or without its leading zero (`"9"`, `"09"`).
    public init?(gstCode: String) {
        guard !gstCode.isEmpty, gstCode.count <= 2, gstCode.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(gstCode)
        else { return nil }
        switch number {
        case 25: self = .dadraNagarHaveliDamanDiu
        case 28: self = .andhraPradesh
        default:
            let padded = number < 10 ? "0\(number)" : "\(number)"
            guard let state = IndianState(rawValue: padded) else { return nil }
            self = state
        }
    }

    /// The state a GSTIN is registered in, read from its first two digits; `nil` unless the text is
    /// 15 letters and digits opening with a known state code.
    public init?(gstin: String) {
        let text = gstin.trimmingSpaces
        guard text.count == 15, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        self.init(gstCode: String(text.prefix(2)))
    }
}

/// The e-invoice Invoice Reference Number (IRN): the SHA-256 hash, in hex, of a text built from the
/// document. The hash is computed where a crypto library is at hand; this builds its exact input.
public enum IRN {
    /// The e-invoice document types.
    public enum DocumentType: String, Hashable, Sendable {
        case invoice = "INV"
        case creditNote = "CRN"
        case debitNote = "DBN"
    }

    /// The text the IRN hashes: supplier GSTIN, financial year label, document type code and document
    /// number, run together with no separators and no change of case, e.g.
    /// `29ABCDE1234F1Z5` + `2024-25` + `INV` + `WH1-2425-000001` =
    /// `"29ABCDE1234F1Z52024-25INVWH1-2425-000001"`.
    public static func hashInput(supplierGSTIN: String, financialYear: FinancialYear, documentType: DocumentType,
                                 documentNumber: String) -> String {
        supplierGSTIN + financialYear.label + documentType.rawValue + documentNumber
    }
}

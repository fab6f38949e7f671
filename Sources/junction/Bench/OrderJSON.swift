/// The request bodies the scenarios send, built as strings (cheap on the load generator's side).
enum OrderJSON {
    /// A `POST /orders/outward` body with one line per `(channelSkuCode, quantity)`; line `i` is `code-i`.
    static func order(code: String, lines: [(sku: String, quantity: Int)]) -> String {
        let items = lines.enumerated().map { index, line in
            #"{"channelSkuCode":"\#(line.sku)","orderItemCode":"\#(code)-\#(index)","quantity":\#(line.quantity),"sellingPricePerUnit":499}"#
        }
        return """
            {"orderCode":"\(code)","orderTime":"2026-11-02T09:45:00Z","orderType":"SALES","isPriority":false,"onHold":false,\
            "qcStatus":"PASS","paymentMethod":"COD","isSplitRequired":true,\
            "shippingAddress":{"name":"Asha","line1":"5 Street","city":"Pune","state":"Maharashtra","zip":"411001","country":"India"},\
            "billingAddress":{"name":"Asha","line1":"5 Street","city":"Pune","state":"Maharashtra","zip":"411001","country":"India"},\
            "orderItems":[\(items.joined(separator: ","))]}
            """
    }

    /// A `PUT /orders/{code}/cancel` body cancelling every line in full (absolute quantities).
    static func cancelAll(code: String, lines: [(sku: String, quantity: Int)]) -> String {
        let items = lines.enumerated().map { index, line in
            #"{"channelSkuCode":"\#(line.sku)","orderItemCode":"\#(code)-\#(index)","cancelledQuantity":\#(line.quantity)}"#
        }
        return #"{"orderItems":[\#(items.joined(separator: ","))],"reason":"bench"}"#
    }

    /// A `POST /inventories/search-sku` body.
    static func search(_ skus: [String]) -> String {
        #"{"channelSkuCodes":[\#(skus.map { "\"\($0)\"" }.joined(separator: ","))]}"#
    }
}

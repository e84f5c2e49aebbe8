import CCWDomain
import Foundation

/// The catalogue the demo stocks: shelves of products with costs, units and shelf lives.
extension DemoInventory {
    /// (path, SKU prefix, brands, items as (name, unit, cost in cents per unit)).
    typealias Shelf = (path: [String], prefix: String, brands: [String], items: [(String, String, Int64)])

    static let shelves: [Shelf] = [
        (["Office", "Paper"], "PAP", ["Nordpapier", "Papyra"], [
            ("Copy paper A4 80 g", "ream", 389), ("Copy paper A3 80 g", "ream", 795), ("Premium paper A4 100 g", "ream", 612),
            ("Recycled paper A4 80 g", "ream", 355), ("Notepad A5 ruled", "pcs", 129), ("Notepad A4 squared", "pcs", 189),
            ("Sticky notes 76x76 yellow", "pack", 249), ("Sticky notes 76x76 neon", "pack", 299), ("Envelopes C4 window", "box", 1290),
            ("Envelopes DL white", "box", 890), ("Index cards A6", "pack", 159), ("Flipchart pad 20 sheets", "pcs", 1150),
            ("Photo paper A4 glossy", "pack", 1420), ("Label sheets A4 24-up", "pack", 1690),
            ("Spiral notebook A4", "pcs", 249), ("Spiral notebook A5", "pcs", 179), ("Coloured paper A4 mixed", "ream", 690),
            ("Continuous paper 240 mm", "box", 2890),
        ]),
        (["Office", "Writing"], "WRI", ["Schreibwerk", "Linea"], [
            ("Ballpoint pen blue", "pcs", 32), ("Ballpoint pen black", "pcs", 32), ("Ballpoint pen red", "pcs", 32),
            ("Gel pen 0.5 black", "pcs", 89), ("Gel pen 0.5 blue", "pcs", 89), ("Pencil HB", "pcs", 21),
            ("Mechanical pencil 0.5", "pcs", 179), ("Fineliner 0.4 set of 10", "pack", 690), ("Eraser white", "pcs", 45),
            ("Ink cartridges blue 6", "pack", 159), ("Ruler 30 cm", "pcs", 99), ("Highlighter yellow", "pcs", 69),
            ("Highlighter green", "pcs", 69), ("Highlighter pink", "pcs", 69),
            ("Correction tape 5 mm", "pcs", 149), ("Glue stick 20 g", "pcs", 79),
        ]),
        (["Office", "Writing", "Markers"], "MRK", ["Schreibwerk", "Colorix"], [
            ("Permanent marker black", "pcs", 95), ("Permanent marker red", "pcs", 95), ("Whiteboard marker black", "pcs", 110),
            ("Whiteboard marker blue", "pcs", 110), ("Whiteboard marker set of 4", "pack", 420), ("Flipchart marker set of 4", "pack", 480),
            ("Paint marker white", "pcs", 260), ("Textile marker black", "pcs", 230),
            ("Chalk marker white", "pcs", 240), ("CD marker set of 4", "pack", 390),
        ]),
        (["Warehouse", "Packaging"], "PKG", ["Kartonia", "Hanse Verpackung"], [
            ("Shipping box 30x20x15", "pcs", 62), ("Shipping box 40x30x20", "pcs", 89), ("Shipping box 60x40x40", "pcs", 178),
            ("Mailer box A4", "pcs", 71), ("Bubble wrap 50 cm", "m", 38), ("Stretch film 500 mm", "roll", 1190),
            ("Padded envelope size D", "pcs", 24), ("Padded envelope size G", "pcs", 36), ("Void fill paper", "kg", 185),
            ("Packing peanuts 100 l", "bag", 990), ("Strapping band 12 mm", "roll", 2450), ("Pallet wrap black", "roll", 1390),
            ("Corner protectors 50", "pack", 1590),
            ("Shipping box 20x15x10", "pcs", 41), ("Bottle shipper 3", "pcs", 189), ("Kraft paper roll 75 cm", "m", 22),
            ("Packing list envelopes", "pack", 1190), ("Anti-slip mats 10", "pack", 2290),
        ]),
        (["Warehouse", "Packaging", "Tape"], "TAP", ["Tapeline"], [
            ("Packing tape brown 50 mm", "roll", 129), ("Packing tape clear 50 mm", "roll", 129), ("Fragile tape printed", "roll", 219),
            ("Masking tape 25 mm", "roll", 99), ("Duct tape silver", "roll", 449), ("Double-sided tape 19 mm", "roll", 189),
            ("Tape dispenser handheld", "pcs", 790), ("Floor marking tape yellow", "roll", 1290),
            ("Warning tape red/white", "roll", 590), ("Filament tape 25 mm", "roll", 389),
        ]),
        (["Warehouse", "Equipment"], "EQP", ["ScanPro", "Lagertechnik Nord"], [
            ("Barcode scanner handheld", "pcs", 8900), ("Barcode scanner wireless", "pcs", 14900), ("Label printer 4 inch", "pcs", 21900),
            ("Hand truck folding", "pcs", 5490), ("Safety gloves size 9", "pair", 290), ("Safety gloves size 10", "pair", 290),
            ("Hi-vis vest yellow", "pcs", 350), ("Box cutter", "pcs", 390), ("Step ladder 3 steps", "pcs", 3990),
            ("Replacement blades 10", "pack", 210), ("Ear plugs 200 pairs", "box", 1890),
            ("Pallet jack 2.5 t", "pcs", 29900), ("Safety helmet white", "pcs", 690), ("First aid kit DIN 13157", "pcs", 2490),
        ]),
        (["Apparel"], "APP", ["Hafenstoff"], [
            ("Polo shirt navy", "pcs", 890), ("Polo shirt white", "pcs", 890), ("Hoodie grey", "pcs", 1890),
            ("Fleece jacket black", "pcs", 2490), ("Work trousers grey", "pcs", 2190), ("Beanie navy", "pcs", 450),
            ("Softshell jacket navy", "pcs", 3290), ("Rain jacket yellow", "pcs", 2790), ("Cap black", "pcs", 390), ("Apron navy", "pcs", 890),
        ]),
        (["Apparel", "Footwear"], "SHO", ["Trittfest"], [
            ("Gel insoles", "pair", 590), ("Shoe laces black 120 cm", "pair", 95), ("Boot socks 3-pack", "pack", 790),
        ]),
        (["Pantry", "Coffee & Tea"], "CAF", ["Röstwerk Hamburg", "Teehaus"], [
            ("Coffee beans espresso", "kg", 1490), ("Coffee beans crema", "kg", 1390), ("Ground coffee filter 500 g", "pcs", 549),
            ("Black tea 100 bags", "box", 399), ("Green tea 50 bags", "box", 329), ("Peppermint tea 20 bags", "box", 149),
            ("Hot chocolate 1 kg", "pcs", 790), ("Oat drink 1 l", "pcs", 119), ("Milk UHT 1.5% 1 l", "pcs", 89),
            ("Sugar sticks 1000", "box", 1290), ("Coffee creamer portions 240", "box", 1190),
            ("Chai latte powder 1 kg", "pcs", 890), ("Rooibos tea 20 bags", "box", 179), ("Espresso pods 100", "box", 2190),
        ]),
        (["Pantry", "Snacks"], "SNK", ["Knusperei", "Nordfrucht"], [
            ("Butter biscuits 200 g", "pcs", 109), ("Granola bars 24", "box", 890), ("Salted pretzels 250 g", "pcs", 99),
            ("Dark chocolate 100 g", "pcs", 119), ("Fruit gums 1 kg", "pcs", 549), ("Mixed nuts", "kg", 1290),
            ("Apples", "kg", 219), ("Rice cakes 100 g", "pcs", 89),
            ("Bananas", "kg", 149), ("Muesli 750 g", "pcs", 299), ("Crackers 200 g", "pcs", 129), ("Wafer rolls 400 g", "pcs", 249),
        ]),
    ]

    /// Shelf life in days of the batch-tracked (pantry) items, by name; others get 120-240 days.
    static let shortShelfLife: [String: Int] = [
        "Oat drink 1 l": 40, "Milk UHT 1.5% 1 l": 35, "Apples": 21, "Butter biscuits 200 g": 60, "Rice cakes 100 g": 50, "Bananas": 10,
    ]

    /// Serial-tracked items and the prefix of their serial numbers.
    static let serialPrefixes: [String: String] = [
        "Barcode scanner handheld": "SN-SC100-", "Barcode scanner wireless": "SN-SC300W-", "Label printer 4 inch": "SN-LP4-",
    ]

    /// Items valued last-in first-out (bought by the pallet and taken from the top).
    static let lifoItems: Set<String> = ["Copy paper A4 80 g", "Stretch film 500 mm"]
}

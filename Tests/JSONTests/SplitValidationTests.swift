import Foundation
import TestMaterial
import Testing
import TextDecoding

@testable import JSON

/// The validation split between two cores must give exactly the verdict and layout of one run,
/// whether its guess of an element boundary holds or not.
@Suite("Validation on two cores")
struct SplitValidationTests {
    static let pattern = Array(#",{"address":""#.utf8)

    /// Both validations of `bytes` (transcoded as a parse does), the split one forced at any size.
    static func expectSameLayout(
        _ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let utf8 =
            bytes.withUnsafeBytes { buffer in
                let (encoding, bomLength) = TextDecoding.detect(buffer)
                return try? TextDecoding.transcodeToUTF8(buffer, encoding: encoding, bomLength: bomLength)
            } ?? bytes
        utf8.withUnsafeBytes { text in
            for maximumDepth in [512, 4] {
                let whole = JSONValidator.validate(text, maximumDepth: maximumDepth)
                let split = JSONValidator.validateSplitting(
                    text, maximumDepth: maximumDepth, elementStart: pattern, minimumSize: 0)
                #expect(whole == split, "\(label), depth \(maximumDepth)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(.requiresPlanCorpus)
    func corpusPlans() throws {
        for file in TestMaterial.planFiles {
            Self.expectSameLayout(Array(try Data(contentsOf: file)), file.lastPathComponent)
        }
    }

    @Test(.requiresPlanGenerator, arguments: [1, 40, 1_500])
    func generatedPlans(resources: Int) throws {
        let plan = try TestMaterial.generatedPlan(resources: resources)
        Self.expectSameLayout(plan, "\(resources) resources")
        // The guess holds on a plan of many resources, or the split would only cost time.
        let joined = plan.withUnsafeBytes { text in
            JSONValidator.validateSplittingReportingGuess(
                text, maximumDepth: 512, elementStart: Self.pattern, minimumSize: 0
            ).joined
        }
        #expect(joined || resources < 40)
    }

    /// Guesses that land in another array, in a string's escape, or after the text goes wrong.
    static let documents: [String] = [
        #"{"a":[{"b":[1,{"address":"x"}]},{"address":"y"}],"c":2}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"}]}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"}],"b":{"c":[1,{"address":"q"}]}}"#,
        #"{"v":{"r":[{"address":"a"},{"address":"b"}]},"s":[{"address":"c"},{"address":"d"}]}"#,
        #"{"a":"x\",{\"address\":\"y","b":[{"address":"p"},{"address":"q"}]}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"}],}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"]}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"}]"#,
        #"{"a":[{"address":"x"} {"address":"y"},{"address":"z"}]}"#,
        #"[{"address":"x"},{"address":"y"},{"address":"z"}]"#,
        #"{"a":[[{"address":"x"},{"address":"y"}],{"address":"z"}]}"#,
        #"{"a":[{"address":"x"},{"address":"y"},{"address":"z"}]} x"#,
    ]

    @Test(arguments: documents)
    func edgeDocuments(_ text: String) {
        Self.expectSameLayout(Array(text.utf8), text)
    }

    /// Random damage to a real plan, before and after the guessed boundary.
    @Test(.requiresPlanGenerator)
    func damagedPlans() throws {
        let plan = try TestMaterial.generatedPlan(resources: 40)
        var random = SplitMix64(seed: 17)
        let damage: [UInt8] = Array(#"{}[],:"\ 0a-"#.utf8) + [0x00, 0xC3, 0x80, 0xFF]
        for round in 0..<300 {
            var bytes = plan
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch round % 3 {
            case 0: bytes[position] = damage.randomElement(using: &random)!
            case 1: bytes.remove(at: position)
            default: bytes.insert(damage.randomElement(using: &random)!, at: position)
            }
            Self.expectSameLayout(bytes, "round \(round) at \(position)")
        }
    }
}

import Policy
import TerraformPlan

/// Engine state the functions of one input share, whatever the input kind.
///
/// A base class rather than a protocol: functions find it by casting the evaluation payload,
/// and a class cast is a short walk where a protocol cast searches the conformance tables.
///
/// `@unchecked` only because the compiler cannot check a class that is not final: its one
/// property is a `let` of a `Sendable` memo, and subclasses must likewise hold only `Sendable` lets.
class EvaluationPayload: @unchecked Sendable {
    /// `json_decode` results by input text: four ECS rules decode each task definition's
    /// `container_definitions`, and parsing it once per input is most of their cost.
    let decodedJSON = ConcurrentMemo<HashedText, Value>()
    /// `k8s_containers` results by plan resource.
    ///
    /// The eleven Kubernetes workload rules each walk the same pod spec, which is the same work,
    /// so it is done once per resource. The input keeps its resources alive, so their
    /// identifiers stay unique.
    let kubernetesContainers = ConcurrentMemo<ObjectIdentifier, Value>()
    /// `k8s_pod_spec` results by plan resource.
    ///
    /// K8S-WKL-004 alone asks for a workload's pod spec up to seven times. The input keeps its
    /// resources alive, so their identifiers stay unique.
    let kubernetesPodSpecs = ConcurrentMemo<ObjectIdentifier, Value>()
    /// Normalised statements by policy JSON text: a bucket or role policy is read by several
    /// rules (and by every statement function of each), and parsing it is most of their cost.
    let policyStatements = ConcurrentMemo<HashedText, Value>()
    /// `image_ref` results by reference text: parsing a reference costs far more than a lookup,
    /// and the same images recur across task definitions and rules.
    let imageReferences = ConcurrentMemo<HashedText, Value>()
    /// What `world_open` reads of each network rule that is a plan attribute: four rules judge
    /// every ingress block, each for its own ports.
    let networkRuleReadings = ConcurrentMemo<AttributeView.Identity, WorldOpen.Reading>()
}

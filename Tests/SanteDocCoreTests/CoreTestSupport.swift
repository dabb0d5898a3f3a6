import Foundation
import SanteDocTestSupport

@testable import SanteDocCore

extension TestSupport {
    /// The frozen regulation and templates as a toolkit, with the DocBook schema of the machine.
    static let toolkit = Toolkit(templates: TestSupport.templates)
}

import Foundation

/// Which project a command works on when the user names none.
public enum ProjectLocator {
    public static let sampleFolder = "Project"

    /// `Project/` when there is one (the checkout's sample), else the current folder when it
    /// is itself a project, else `Project` — whose absence the pipeline then explains.
    public static func defaultDirectory(in current: String = FileManager.default.currentDirectoryPath) -> String {
        var isFolder: ObjCBool = false
        let sample = URL(fileURLWithPath: current).appendingPathComponent(sampleFolder).path
        if FileManager.default.fileExists(atPath: sample, isDirectory: &isFolder), isFolder.boolValue {
            return sampleFolder
        }
        if FileManager.default.fileExists(
            atPath: URL(fileURLWithPath: current).appendingPathComponent(ProjectReader.dataFile).path)
        {
            return "."
        }
        return sampleFolder
    }
}

import Foundation
import SanteDocModel

/// Foundation and the system speak English (« The operation could not be completed »);
/// SanteDoc's users read French. Errors from the file system are translated here, at the
/// edge, from their codes rather than their texts.
public enum SystemErrorText {
    public static func french(_ error: Error) -> String {
        if let own = error as? UserFacingError { return own.description }
        if let posix = error as? POSIXError { return posixText(posix.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return posixText(Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error,
            (underlying as NSError).domain == NSPOSIXErrorDomain
        {
            return french(underlying)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "fichier ou dossier introuvable"
            case .fileWriteFileExists: return "un fichier de ce nom existe déjà"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission refusée"
            case .fileWriteOutOfSpace: return "disque plein"
            case .fileWriteVolumeReadOnly: return "volume en lecture seule"
            case .fileReadCorruptFile: return "fichier illisible"
            case .fileWriteInvalidFileName: return "nom de fichier invalide"
            default: return "le système refuse l’opération (un élément du chemin n’est-il pas un dossier ?)"
            }
        }
        return "erreur système (\(nsError.domain) \(nsError.code))"
    }

    public static func posixText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "fichier ou dossier introuvable"
        case EACCES, EPERM: return "permission refusée"
        case EEXIST: return "un fichier de ce nom existe déjà"
        case ENOTDIR: return "un élément du chemin n’est pas un dossier"
        case EISDIR: return "c’est un dossier, pas un fichier"
        case ENOSPC: return "disque plein"
        case EROFS: return "volume en lecture seule"
        case ENAMETOOLONG: return "chemin trop long"
        case ELOOP: return "trop de liens symboliques"
        case EDQUOT: return "quota de disque dépassé"
        case EBUSY, EWOULDBLOCK: return "fichier occupé par un autre programme"
        default: return "erreur système \(code)"
        }
    }
}

// Prints the catalog audit report: unconfirmed facts and the age of every check.
import { catalog } from '../shared/catalog/index'
import { catalogReport, formatCatalogReport } from '../shared/catalog/report'

process.stdout.write(formatCatalogReport(catalogReport(catalog)))

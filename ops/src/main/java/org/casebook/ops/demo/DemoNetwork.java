package org.casebook.ops.demo;

import java.util.List;

/** The network the demo data lives in: real places, made-up people. */
final class DemoNetwork {

    record Center(String id, String name, String country, String currency) {
    }

    record Programme(String code, String name, String funder) {
    }

    static final List<Center> CENTERS = List.of(
            new Center("HN-TGU-01", "CDE-MIPYME Región Centro (Tegucigalpa)", "HN", "HNL"),
            new Center("HN-SPS-01", "CDE-MIPYME Región Norte (San Pedro Sula)", "HN", "HNL"),
            new Center("HN-CEI-01", "CDE-MIPYME Atlántida (La Ceiba)", "HN", "HNL"),
            new Center("HN-CHO-01", "CDE-MIPYME Región Sur (Choluteca)", "HN", "HNL"),
            new Center("HN-SRC-01", "CDE-MIPYME Occidente (Santa Rosa de Copán)", "HN", "HNL"),
            new Center("HN-JUT-01", "CDE-MIPYME Olancho (Juticalpa)", "HN", "HNL"),
            new Center("HN-COM-01", "CDE-MIPYME Comayagua", "HN", "HNL"),
            new Center("HN-DAN-01", "CDE-MIPYME El Paraíso (Danlí)", "HN", "HNL"),
            new Center("HN-SBA-01", "CDE-MIPYME Santa Bárbara", "HN", "HNL"),
            new Center("HN-YOR-01", "CDE-MIPYME Yoro", "HN", "HNL"),
            new Center("HN-ROA-01", "CDE-MIPYME Islas de la Bahía (Roatán)", "HN", "HNL"),
            new Center("GT-GUA-01", "Centro PROMIPYME Guatemala", "GT", "GTQ"),
            new Center("GT-QUE-01", "Centro PROMIPYME Quetzaltenango", "GT", "GTQ"),
            new Center("DO-SDQ-01", "Centro MIPYMES Santo Domingo", "DO", "DOP"),
            new Center("DO-STI-01", "Centro MIPYMES Santiago", "DO", "DOP"),
            new Center("BZ-BZE-01", "SBDC Belize City", "BZ", "BZD"),
            new Center("JM-KIN-01", "SBDC Jamaica Kingston", "JM", "JMD"));

    static final List<Programme> PROGRAMMES = List.of(
            new Programme("DINAMICA", "DINAMICA: ideas de negocio y aceleración", "CABEI / KfW / EU"),
            new Programme("AL-INVEST", "AL-INVEST Verde", "EU"),
            new Programme("SBDC-CARIBBEAN", "SBDC Caribbean pilots", "OAS"),
            new Programme("MIPYME-USAID", "Fortalecimiento MIPYME", "USAID"));

    /** US$ per unit around which each currency's monthly rate moves. */
    static final java.util.Map<String, String> BASE_RATES = java.util.Map.of(
            "HNL", "0.0405", "GTQ", "0.129", "DOP", "0.0172", "BZD", "0.50", "JMD", "0.0064");

    static final List<String> GIVEN_NAMES = List.of("María", "José", "Ana", "Luis", "Carmen", "Juan", "Rosa",
            "Carlos", "Lucía", "Miguel", "Elena", "Jorge", "Sofía", "Pedro", "Marisol", "Andrés", "Keisha", "Devon");
    static final List<String> FAMILY_NAMES = List.of("Fernández", "López", "Martínez", "Hernández", "García",
            "Rodríguez", "Mejía", "Castillo", "Flores", "Reyes", "Campbell", "Williams", "Pérez", "Díaz");
    static final List<String> BUSINESSES = List.of("Panadería", "Taller", "Comedor", "Pulpería", "Cafetería",
            "Tienda", "Carpintería", "Textiles", "Agroservicio", "Farmacia", "Bakery", "Crafts", "Tours");
    static final List<String> SECTORS = List.of("1071", "1079", "1410", "1629", "4711", "5610", "4772", "0113",
            "7911", "9602");
    static final List<String> AREAS = List.of("FINANCE", "MARKETING", "OPERATIONS", "LEGAL", "TECHNOLOGY", "EXPORT");
    static final List<String> SOURCES = List.of("Banco Atlántida", "BANHPROVI", "Banrural", "Banreservas",
            "FICOHSA", "Cooperativa Sagrada Familia", "CABEI", "Family savings");

    private DemoNetwork() {
    }
}

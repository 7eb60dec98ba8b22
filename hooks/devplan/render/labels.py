"""Every label a reader sees, in Thai and English, and how numbers and years are written.

A test fails if any label lacks a language: nothing silently falls back to English.
"""

from __future__ import annotations

import datetime as dt
import math

LANGUAGES = ("th", "en")
BE_OFFSET = 543

LABELS: dict[str, dict[str, str]] = {
    "home": {"th": "หน้าแรก", "en": "Home"},
    "plans": {"th": "แผน", "en": "Plans"},
    "plan": {"th": "แผน", "en": "Plan"},
    "strategy": {"th": "ยุทธศาสตร์", "en": "Strategy"},
    "strategies": {"th": "ยุทธศาสตร์และประเด็นการพัฒนา", "en": "Strategies"},
    "goal": {"th": "เป้าประสงค์", "en": "Goal"},
    "goals": {"th": "เป้าประสงค์", "en": "Goals"},
    "indicator": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "indicators": {"th": "ตัวชี้วัด", "en": "Indicators"},
    "all_indicators": {"th": "ตัวชี้วัดทั้งหมด", "en": "All indicators"},
    "page": {"th": "หน้าเว็บ", "en": "Page"},
    "budget": {"th": "งบประมาณโครงการ", "en": "Project budget"},
    "vision": {"th": "วิสัยทัศน์", "en": "Vision"},
    "years": {"th": "ช่วงเวลา", "en": "Years"},
    "key_facts": {"th": "ตัวเลขสำคัญ", "en": "Key figures"},
    "key_facts_rule": {"th": "แต่ละด้านของแผนพัฒนาจังหวัด: ตัวชี้วัดที่มีค่าล่าสุดใหม่ที่สุดของแต่ละเป้าประสงค์ พร้อมการเปลี่ยนแปลงจากค่าก่อนหน้าที่เทียบกันได้",
                       "en": "For each area of the development plan: each goal's most recently measured indicator, with the change from the previous comparable value."},
    "change_from": {"th": "{change} เทียบกับ {year}", "en": "{change} from {year}"},
    "topics": {"th": "เลือกดูตามเรื่อง", "en": "Browse by topic"},
    "status_at_a_glance": {"th": "ความก้าวหน้าโดยสรุป", "en": "Progress at a glance"},
    "latest_value": {"th": "ค่าล่าสุด", "en": "Latest value"},
    "status": {"th": "สถานะ", "en": "Status"},
    "chart": {"th": "แผนภูมิ", "en": "Chart"},
    "share_chart": {"th": "นำแผนภูมินี้ไปใช้", "en": "Share this chart"},
    "download_png": {"th": "ดาวน์โหลดภาพ (PNG)", "en": "Download image (PNG)"},
    "download_svg": {"th": "ดาวน์โหลดภาพเวกเตอร์ (SVG)", "en": "Download vector image (SVG)"},
    "copy_link": {"th": "คัดลอกลิงก์", "en": "Copy link"},
    "copied": {"th": "คัดลอกแล้ว", "en": "Copied"},
    "embed_chart": {"th": "ฝังแผนภูมิในเว็บไซต์อื่น", "en": "Embed this chart on another site"},
    "embed_code": {"th": "โค้ด HTML สำหรับฝัง", "en": "HTML code to embed"},
    "copy_code": {"th": "คัดลอกโค้ด", "en": "Copy code"},
    "embed_preview": {"th": "ดูหน้าที่ฝัง", "en": "See the embedded page"},
    "values_table": {"th": "ตารางค่าที่วัดได้และค่าเป้าหมาย", "en": "Values and targets"},
    "year": {"th": "ปี", "en": "Year"},
    "value": {"th": "ค่า", "en": "Value"},
    "kind_of_value": {"th": "ประเภทค่า", "en": "Kind of value"},
    "observed": {"th": "ค่าที่วัดได้", "en": "Observed"},
    "target": {"th": "ค่าเป้าหมาย", "en": "Target"},
    "one_value": {"th": "มีค่าที่วัดได้เพียงค่าเดียว จึงยังไม่มีแผนภูมิ", "en": "Only one value so far, so there is no chart yet"},
    "target_announced": {"th": "เป้าที่ประกาศในข่าว (ไม่ใช่ KPI ของแผน)", "en": "Aim announced in the news (not a plan KPI)"},
    "standard": {"th": "มาตรฐานระดับประเทศ", "en": "National standard"},
    "target_path": {"th": "เส้นทางสู่เป้าหมาย", "en": "Path to target"},
    "baseline": {"th": "ปีฐาน", "en": "Baseline"},
    "figure_status": {"th": "สถานะของตัวเลข", "en": "Status of the figure"},
    "latest_table": {"th": "ค่าล่าสุดของทุกตัวชี้วัด", "en": "Latest value of every indicator"},
    "latest_intro": {"th": "ตัวชี้วัดทุกตัวในตารางเดียว: ค่าล่าสุดและปี ค่าก่อนหน้าที่เทียบกันได้ การเปลี่ยนแปลง แนวโน้ม สถานะเทียบค่าเป้าหมาย และแหล่งข้อมูล ดาวน์โหลดตารางเดียวกันนี้ได้",
                     "en": "Every indicator in one table: the latest value and its year, the previous comparable value, the change, the trend, the status against the target and the source. The same table can be downloaded."},
    "latest_rule": {"th": "ค่าก่อนหน้าคือค่าล่าสุดก่อนหน้าที่อยู่ในชุดข้อมูลเดียวกันและครอบคลุมช่วงเวลาแบบเดียวกัน (ทั้งปีทั้งคู่ หรือบางช่วงของปีทั้งคู่) เครื่องหมาย – คือไม่มีค่าที่เทียบได้",
                    "en": "The previous value is the latest earlier value of the same series and the same coverage (both whole-year, or both part-year); a – means there is none to compare with."},
    "previous_value": {"th": "ค่าก่อนหน้า", "en": "Previous value"},
    "change_previous": {"th": "เปลี่ยนจากค่าก่อนหน้า", "en": "Change from previous"},
    "change_plan": {"th": "เปลี่ยนจากค่าแรกในช่วงแผน", "en": "Change since the plan began"},
    "change_since": {"th": "เปลี่ยนจาก {year}", "en": "Change since {year}"},
    "since_year": {"th": "จาก {year}", "en": "since {year}"},
    "changes_rule": {"th": "การเปลี่ยนแปลงคิดเทียบกับค่าก่อนหน้า และกับค่าแรกตั้งแต่ปีแรกของแผน ({year}) เฉพาะค่าที่เทียบกันได้ คือชุดข้อมูลเดียวกันและครอบคลุมช่วงเวลาแบบเดียวกัน (ทั้งปีทั้งคู่ หรือบางช่วงของปีทั้งคู่) ช่องที่มีเครื่องหมาย – คือไม่มีค่าที่เทียบได้",
                     "en": "Changes are from the previous value and from the first value since the plan's first year ({year}), between comparable values only: the same series and the same coverage (both whole-year, or both part-year). A – means there is no comparable value."},
    "source": {"th": "แหล่งข้อมูล", "en": "Source"},
    "sources": {"th": "แหล่งข้อมูล", "en": "Sources"},
    "note": {"th": "หมายเหตุ", "en": "Note"},
    "about_indicator": {"th": "รายละเอียดตัวชี้วัด", "en": "About this indicator"},
    "unit": {"th": "หน่วย", "en": "Unit"},
    "direction": {"th": "ทิศทางที่ดี", "en": "Better when"},
    "higher": {"th": "ยิ่งสูงยิ่งดี", "en": "Higher is better"},
    "lower": {"th": "ยิ่งต่ำยิ่งดี", "en": "Lower is better"},
    "method": {"th": "วิธีการวัด", "en": "Method"},
    "agency": {"th": "หน่วยงานที่รับผิดชอบ", "en": "Responsible agency"},
    "last_update": {"th": "ข้อมูลล่าสุด", "en": "Last update"},
    "year_type": {"th": "ประเภทปี", "en": "Kind of year"},
    "calendar": {"th": "ปีปฏิทิน (มกราคม-ธันวาคม)", "en": "Calendar year (January-December)"},
    "fiscal": {"th": "ปีงบประมาณ (1 ตุลาคม-30 กันยายน)", "en": "Fiscal year (1 October-30 September)"},
    "accessed": {"th": "เข้าถึงเมื่อ", "en": "Accessed"},
    "licence": {"th": "สัญญาอนุญาต", "en": "Licence"},
    "publisher": {"th": "ผู้เผยแพร่", "en": "Publisher"},
    "web_address": {"th": "ที่อยู่บนเว็บ", "en": "Web address"},
    "source_n": {"th": "แหล่งข้อมูล {n}", "en": "Source {n}"},
    "licence_compilation": {"th": "CC BY 4.0 สำหรับชุดข้อมูลที่รวบรวมนี้ และแต่ละตัวเลขยังอยู่ภายใต้เงื่อนไขของแหล่งข้อมูลของตัวเลขนั้นด้วย",
                            "en": "CC BY 4.0 for this compilation; each figure also under its source's terms"},
    "copy_in_package": {"th": "สำเนาในชุดข้อมูล", "en": "Copy in the data package"},
    "downloads": {"th": "ดาวน์โหลดข้อมูล", "en": "Download the data"},
    "how_to_cite": {"th": "วิธีอ้างอิง", "en": "How to cite"},
    "edit_data": {"th": "ข้อมูลต้นทางของหน้านี้บน GitHub", "en": "The data behind this page on GitHub"},
    "edit": {"th": "แก้ไขค่าใน GitHub", "en": "Edit the values on GitHub"},
    "cite_text": {"th": "{names}. ข้อมูล ณ วันที่ {date}. {url}", "en": "{names}. Data as of {date}. {url}"},
    "licence_note": {"th": "ตัวเลขแต่ละค่ามีเงื่อนไขการใช้ของแหล่งที่มากำกับด้วย", "en": "Each figure also carries its source's terms."},
    "report_error": {"th": "แจ้งข้อผิดพลาด", "en": "Report an error"},
    "no_data": {"th": "ยังไม่มีข้อมูล", "en": "No data yet"},
    "more_assessed": {"th": "และอีก {n} ตัวชี้วัดในหน้ายุทธศาสตร์", "en": "and {n} more on the strategy page"},
    "no_target_text": {"th": "ยังไม่มีการเผยแพร่ค่าเป้าหมาย", "en": "No target published"},
    "preliminary": {"th": "ตัวเลขเบื้องต้น", "en": "Preliminary"},
    "revised": {"th": "ตัวเลขปรับปรุง", "en": "Revised"},
    "final": {"th": "ตัวเลขสุดท้าย", "en": "Final"},
    "figure_preliminary": {"th": "ตัวเลขเบื้องต้น", "en": "preliminary figure"},
    "figure_revised": {"th": "ตัวเลขปรับปรุง", "en": "revised figure"},
    "figure_final": {"th": "ตัวเลขสุดท้าย", "en": "final figure"},
    "part_of_year": {"th": "ครอบคลุมบางช่วงของปี", "en": "part of the year"},
    "change_up": {"th": "เพิ่มขึ้น {amount} {unit}{percent} จาก {year} ({earlier})",
                  "en": "Up {amount} {unit}{percent} from {year} ({earlier})"},
    "change_down": {"th": "ลดลง {amount} {unit}{percent} จาก {year} ({earlier})",
                    "en": "Down {amount} {unit}{percent} from {year} ({earlier})"},
    "change_none": {"th": "เท่ากับค่าของ {year}", "en": "Unchanged from {year}"},
    "change_not_comparable_series_break": {"th": "เทียบกับค่าก่อนหน้าไม่ได้: ค่าล่าสุดอยู่ในชุดข้อมูลใหม่ (เปลี่ยนวิธีวัด นิยาม หรือการสำรวจ)",
                                           "en": "Not comparable with the previous value: the latest is from a new series (method, definition or survey)"},
    "change_not_comparable_part_year": {"th": "เทียบกับค่าก่อนหน้าไม่ได้: ค่าล่าสุดครอบคลุมเพียงบางช่วงของปี",
                                        "en": "Not comparable with the previous value: the latest covers only part of the year"},
    "status_achieved": {"th": "บรรลุเป้าหมายแล้ว", "en": "Target achieved"},
    "status_on_track": {"th": "เป็นไปตามเป้า", "en": "On track"},
    "status_off_track": {"th": "ต้องเร่งรัด", "en": "Off track: needs acceleration"},
    "status_moving_away": {"th": "ห่างจากเป้าหมายมากขึ้น", "en": "Moving away from target"},
    "status_not_achieved": {"th": "ถึงปีเป้าหมายแล้วแต่ไม่บรรลุ", "en": "Target year reached, target not met"},
    "status_meets_standard": {"th": "ผ่านเกณฑ์มาตรฐาน", "en": "Meets the national standard"},
    "status_misses_standard": {"th": "ไม่ผ่านเกณฑ์มาตรฐาน", "en": "Does not meet the national standard"},
    "status_not_enough_data": {"th": "ข้อมูลไม่พอประเมิน", "en": "Not enough data"},
    "status_no_target": {"th": "ยังไม่มีค่าเป้าหมาย", "en": "No target published"},
    "trend_improving": {"th": "ดีขึ้น", "en": "Improving"},
    "trend_maintaining": {"th": "ทรงตัว", "en": "Maintaining"},
    "trend_worsening": {"th": "แย่ลง", "en": "Worsening"},
    "trend_not_assessed": {"th": "ยังประเมินไม่ได้", "en": "Not assessed"},
    "trend": {"th": "แนวโน้ม", "en": "Trend"},
    "target_status": {"th": "เทียบค่าเป้าหมาย", "en": "Against the target"},
    "trend_compared": {"th": "เทียบค่า {latest_year} ({latest}) กับค่า {earlier_year} ({earlier}) ซึ่งเป็นค่าก่อนหน้าที่เทียบกันได้ เปลี่ยนแปลง {change}",
                       "en": "Compares {latest_year} ({latest}) with {earlier_year} ({earlier}), the previous comparable value: a change of {change}."},
    "trend_rule": {"th": "การเปลี่ยนแปลงน้อยกว่าร้อยละ {threshold} ของค่าก่อนหน้า ไม่ว่าขึ้นหรือลง ถือว่าทรงตัว นี่คือแนวโน้ม ไม่ใช่การประเมินเทียบกับค่าเป้าหมาย",
                   "en": "A change smaller than {threshold}% of the earlier value, either way, counts as maintaining. This is a trend, not a judgement against a target."},
    "trend_provisional": {"th": "ค่าล่าสุดเป็นตัวเลขเบื้องต้น แนวโน้มอาจเปลี่ยนเมื่อมีตัวเลขปรับปรุง",
                          "en": "The latest value is preliminary: the trend may change when it is revised."},
    "trend_reason_no_data": {"th": "ยังไม่มีค่าที่วัดได้", "en": "There is no observed value yet."},
    "trend_reason_one_value": {"th": "มีค่าที่เทียบกันได้เพียงค่าเดียว ต้องมีอย่างน้อยสองค่า",
                               "en": "There is only one comparable value; at least two are needed."},
    "trend_reason_series_break": {"th": "ค่าล่าสุดอยู่ในชุดข้อมูลใหม่ (เปลี่ยนวิธีวัด นิยาม หรือการสำรวจ) ที่ยังมีค่าเดียว จึงไม่นำไปเทียบกับค่าของชุดเก่า",
                                  "en": "The latest value starts a new series (a new method, definition or survey) with no earlier value of its own; it is never compared with the old series."},
    "trend_reason_part_year": {"th": "ค่าบางช่วงของปีไม่นำไปเทียบกับค่าทั้งปี และยังไม่มีค่าก่อนหน้าของช่วงเดียวกัน",
                               "en": "A part-year figure is never compared with a whole year, and there is no earlier figure for the same part of the year."},
    "trend_reason_gap": {"th": "ค่าที่เทียบกันได้สองค่าล่าสุด ({earlier_year} และ {latest_year}) ห่างกัน {years} ปี เกิน {limit} ปี จึงบอกทิศทางในปัจจุบันไม่ได้",
                         "en": "The two latest comparable values ({earlier_year} and {latest_year}) are {years} years apart, more than {limit}: too far apart to say which way things are going now."},
    "trend_reason_old": {"th": "ข้อมูลเก่า: ระหว่าง {earlier_year} ถึง {latest_year} ค่าเปลี่ยนแปลง {change} แต่เก่าเกินกว่าจะบอกสถานการณ์ในช่วงแผนนี้",
                         "en": "Old data: between {earlier_year} and {latest_year} the value changed by {change}, but that is too old to say how the province is doing under this plan."},
    "age": {"th": "อายุข้อมูล", "en": "Age"},
    "age_years": {"th": "{n} ปี", "en": "{n} years old"},
    "age_one_year": {"th": "1 ปี", "en": "1 year old"},
    "age_current": {"th": "ปีปัจจุบัน", "en": "this year"},
    "age_inline": {"th": "อายุข้อมูล {age}", "en": "{age}"},
    "age_explain": {"th": "อายุข้อมูล {age} นับจากปีของค่าล่าสุดถึงปีของวันที่ข้อมูล ({date})",
                    "en": "Age of the latest value: {age}, counted from its year to the year of the data's date ({date})."},
    "old_data": {"th": "ข้อมูลเก่า", "en": "Old data"},
    "old_before_plan": {"th": "ค่าล่าสุดเป็นของ {year} ก่อนแผนเริ่ม ({start}) จึงบอกสภาพก่อนมีแผนนี้ ไม่ใช่ผลของแผน",
                        "en": "The latest value is from {year}, before the plan began ({start}): it describes the province before this plan, not its results."},
    "old_too_old": {"th": "ค่าล่าสุดเป็นของ {year} เก่ากว่า {limit} ปี", "en": "The latest value is from {year}, more than {limit} years old."},
    "standard_explain": {"th": "มาตรฐานเป็นเกณฑ์อ้างอิง ไม่ใช่เป้าหมายที่มีกำหนดปี สถานะจึงบอกเพียงว่าค่าล่าสุด ({latest}) ผ่านเกณฑ์ ({target}) หรือไม่",
                         "en": "A standard is a reference level, not a goal with a date: the status only says whether the latest value ({latest}) meets it ({target})."},
    "not_achieved_explain": {"th": "ถึง {year} ซึ่งเป็นปีเป้าหมายแล้ว ค่าล่าสุด ({latest}) ยังไม่ถึงค่าเป้าหมาย ({target})",
                             "en": "The target year ({year}) has come and the latest value ({latest}) has not reached the target ({target})."},
    "status_summary": {"th": "สรุปสถานะ", "en": "Status summary"},
    "coverage_sentence": {"th": "มีค่าที่วัดได้ {with_data} จาก {total} ตัวชี้วัด (ในจำนวนนี้เป็นข้อมูลเก่า {old}) มีค่าเป้าหมายที่เผยแพร่ {with_target} ตัวชี้วัด",
                          "en": "Values for {with_data} of {total} indicators ({old} of them old data); a published target for {with_target}."},
    "no_targets_here": {"th": "ยังไม่มีตัวชี้วัดใดในส่วนนี้มีค่าเป้าหมายที่เผยแพร่", "en": "No indicator here has a published target yet."},
    "target_kind_plan": {"th": "ค่าเป้าหมาย KPI ของแผน", "en": "plan KPI"},
    "target_kind_announced": {"th": "เป้าที่ผู้บริหารประกาศในข่าว ไม่ใช่ KPI ของแผน",
                              "en": "announced by an official in the news, not the plan's KPI"},
    "target_kind_standard": {"th": "มาตรฐานระดับประเทศ ใช้เป็นเกณฑ์อ้างอิง ไม่ใช่ KPI ของแผน",
                             "en": "national standard, a reference level, not the plan's KPI"},
    "how_status": {"th": "วิธีคำนวณสถานะ", "en": "How this status was worked out"},
    "methodology": {"th": "วิธีการ", "en": "Methodology"},
    "about": {"th": "เกี่ยวกับ", "en": "About"},
    "maintainers": {"th": "คู่มือผู้ดูแลข้อมูล", "en": "Maintainer guide"},
    "data_version": {"th": "ข้อมูล ณ วันที่", "en": "data as of"},
    "data_date": {"th": "ข้อมูล ณ วันที่", "en": "Data as of"},
    "data": {"th": "ข้อมูลเปิด", "en": "Open data"},
    "projects": {"th": "โครงการ", "en": "Projects"},
    "project": {"th": "โครงการ", "en": "Project"},
    "total": {"th": "รวม", "en": "Total"},
    "baht": {"th": "บาท", "en": "baht"},
    "million_baht": {"th": "ล้านบาท", "en": "million baht"},
    "no_projects": {"th": "ยังไม่มีข้อมูลโครงการที่ได้รับงบประมาณจากแหล่งที่เปิดเผยต่อสาธารณะ",
                    "en": "No budgeted projects from a public source yet"},
    "fiscal_year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "fiscal_note": {"th": "ปีงบประมาณ พ.ศ. {be} เริ่ม 1 ตุลาคม {start_be} ถึง 30 กันยายน {be}",
                    "en": "Fiscal year {ce} runs from 1 October {start_ce} to 30 September {ce}"},
    "timeline": {"th": "ลำดับเวลาของแผน", "en": "The plans over time"},
    "chart_summary_none": {"th": "ยังไม่มีค่าที่วัดได้ของตัวชี้วัดนี้", "en": "No value has been observed for this indicator yet."},
    "chart_summary": {"th": "ค่าที่วัดได้ {count} ปี ตั้งแต่ปี {first} ถึง {last} ค่าล่าสุดปี {last} คือ {value} {unit}",
                      "en": "{count} observed years from {first} to {last}; the latest, for {last}, is {value} {unit}."},
    "breadcrumb": {"th": "ตำแหน่งในแผน", "en": "Where this sits in the plan"},
    "rate_observed": {"th": "อัตราการเปลี่ยนแปลงที่เกิดขึ้นจริงต่อปี", "en": "Observed change per year"},
    "rate_required": {"th": "อัตราการเปลี่ยนแปลงที่ต้องการต่อปี", "en": "Change per year needed to reach the target"},
    "ratio": {"th": "สัดส่วน (จริง ÷ ที่ต้องการ)", "en": "Ratio (observed ÷ needed)"},
    "compound": {"th": "อัตราเติบโตเฉลี่ยแบบทบต้น", "en": "compound annual growth rate"},
    "linear": {"th": "การเปลี่ยนแปลงเฉลี่ยแบบเส้นตรง (เพราะมีค่าศูนย์หรือติดลบ)",
               "en": "straight-line yearly change (a value is zero or negative)"},
    "no_target_explain": {"th": "จังหวัดยังไม่ได้เผยแพร่ค่าเป้าหมายของตัวชี้วัดนี้ จึงยังประเมินความก้าวหน้าไม่ได้ เว็บไซต์ไม่คาดเดาค่าเป้าหมายเอง",
                          "en": "The province has not published a target for this indicator, so progress cannot be assessed. This site does not guess targets."},
    "not_enough_explain": {"th": "ต้องมีค่าที่วัดได้อย่างน้อยสองปี (ปีฐานและปีหลังจากนั้น) จึงจะประเมินได้",
                           "en": "At least two observed years (the baseline and a later year) are needed to assess progress."},
    "achieved_explain": {"th": "ค่าล่าสุด ({latest}) ถึงค่าเป้าหมาย ({target}) แล้ว",
                         "en": "The latest value ({latest}) has reached the target ({target})."},
    "indicator_count_by_status": {"th": "แนวโน้มของตัวชี้วัด แยกตามด้าน", "en": "Trend of the indicators, per area"},
    "linked_goals": {"th": "เป้าประสงค์ในแผนพัฒนาจังหวัด 5 ปี ที่ใช้วัดยุทธศาสตร์นี้", "en": "Goals of the five-year plan that measure this strategy"},
    "link_basis": {"th": "เหตุที่เชื่อมโยง", "en": "Why linked"},
    "no_linked_goals": {"th": "ยังไม่มีการเชื่อมโยงยุทธศาสตร์นี้กับเป้าประสงค์และตัวชี้วัด", "en": "This strategy is not yet linked to goals and indicators."},
    "reporting_status": {"th": "สถานะการรายงานข้อมูล", "en": "Reporting status"},
    "reporting_intro": {"th": "ตัวชี้วัดของแผนพัฒนาจังหวัด 5 ปี แต่ละด้านและเป้าประสงค์ มีข้อมูลแล้วกี่ตัว ข้อมูลไม่เก่ากี่ตัว และมีค่าเป้าหมายที่เผยแพร่กี่ตัว",
                        "en": "For each area and goal of the five-year plan: how many indicators have values, recent values and a published target."},
    "with_data": {"th": "มีข้อมูล", "en": "With data"},
    "recent_data": {"th": "ข้อมูลไม่เก่า", "en": "Recent data"},
    "with_target": {"th": "มีค่าเป้าหมาย", "en": "With a target"},
    "what_is_missing": {"th": "ข้อมูลที่ยังขาด", "en": "What is missing"},
    "missing_intro": {"th": "ตัวชี้วัดที่ยังไม่มีข้อมูลหรือค่าเป้าหมายที่เผยแพร่ พร้อมหน่วยงานที่รับผิดชอบ ซึ่งสอบถามได้",
                      "en": "Indicators still without published values or a published target, with the agency responsible: the one to ask."},
    "missing": {"th": "สิ่งที่ยังขาด", "en": "Missing"},
    "nothing_missing": {"th": "ทุกตัวชี้วัดมีทั้งข้อมูลและค่าเป้าหมายแล้ว", "en": "Every indicator has values and a target."},
    "agency_col": {"th": "หน่วยงาน", "en": "Agency"},
    "budget_by_strategy": {"th": "งบประมาณตามยุทธศาสตร์", "en": "Budget by strategy"},
    "budget_by_agency": {"th": "งบประมาณตามหน่วยงาน", "en": "Budget by agency"},
    "data_intro": {"th": "ทุกตัวเลขบนเว็บไซต์นี้ดาวน์โหลดได้ ที่อยู่ของไฟล์ไม่เปลี่ยนเมื่อมีการปรับปรุงข้อมูล จึงใช้ลิงก์อ้างอิงได้ถาวร",
                   "en": "Every number on this site can be downloaded. File addresses stay the same when the data is updated, so links keep working."},
    "excel_note": {"th": "ถ้าจะเปิดด้วย Excel ให้ใช้ไฟล์ในคอลัมน์ “สำหรับ Excel” ข้อมูลเหมือนต้นฉบับทุกตัว แต่บันทึกในแบบที่ Excel บน Windows แสดงภาษาไทยได้ถูกต้อง และข้อความที่ขึ้นต้นด้วย = + - @ มีเครื่องหมาย ' นำหน้า เพื่อไม่ให้ Excel ถือเป็นสูตร",
                   "en": "If you open the files in Excel, use the ones in the “For Excel” column: the same data as the originals, saved so that Excel on Windows shows Thai correctly, with a ' in front of any text that starts with = + - @ so Excel never treats it as a formula."},
    "for_excel": {"th": "สำหรับ Excel", "en": "For Excel"},
    "zip_has_excel": {"th": "มีโฟลเดอร์ excel/ อยู่ในไฟล์ zip", "en": "inside the zip, in its excel/ folder"},
    "whole_site_workbook": {"th": "ทุกตัวชี้วัดในไฟล์ Excel เดียว", "en": "Every indicator in one Excel workbook"},
    "whole_site_workbook_text": {"th": "ค่าล่าสุดของทุกตัวชี้วัด ค่าที่วัดได้และค่าเป้าหมายทุกปี (หนึ่งแถวต่อหนึ่งปี) แหล่งข้อมูล และวิธีอ้างอิง แยกเป็นแผ่นงาน",
                                 "en": "Every indicator's latest value, all observed values and targets (one row per year), the sources and how to cite, one sheet each."},
    "whole_package": {"th": "ชุดข้อมูลทั้งหมด", "en": "The whole package"},
    "per_indicator": {"th": "ไฟล์รายตัวชี้วัด", "en": "One file per indicator"},
    "per_indicator_text": {"th": "แต่ละตัวชี้วัดมีไฟล์ที่ data/indicators/<รหัส>.csv และ data/indicators/<รหัส>.xlsx หนึ่งแถวต่อหนึ่งปีและประเภทค่า (ค่าที่วัดได้หรือค่าเป้าหมาย)",
                           "en": "Each indicator has data/indicators/<id>.csv and data/indicators/<id>.xlsx: one row per year and kind of value (observed or target)."},
    "file": {"th": "ไฟล์", "en": "File"},
    "table": {"th": "ตาราง (เลื่อนด้านข้างได้)", "en": "Table (scrolls sideways)"},
    "format": {"th": "รูปแบบ", "en": "Format"},
    "size": {"th": "ขนาด", "en": "Size"},
    "updated": {"th": "ปรับปรุงล่าสุด", "en": "Last update"},
    "description": {"th": "คำอธิบาย", "en": "Description"},
    "data_dictionary": {"th": "พจนานุกรมข้อมูล", "en": "Data dictionary"},
    "field": {"th": "คอลัมน์", "en": "Column"},
    "type": {"th": "ชนิด", "en": "Type"},
    "type_string": {"th": "ข้อความ", "en": "text"},
    "type_integer": {"th": "จำนวนเต็ม", "en": "integer"},
    "type_number": {"th": "ตัวเลข", "en": "number"},
    "type_date": {"th": "วันที่", "en": "date"},
    "constraints": {"th": "เงื่อนไข", "en": "Constraints"},
    "required": {"th": "ต้องมีค่า", "en": "required"},
    "allowed": {"th": "ค่าที่ใช้ได้", "en": "one of"},
    "minimum": {"th": "ต่ำสุด", "en": "minimum"},
    "maximum": {"th": "สูงสุด", "en": "maximum"},
    "pattern": {"th": "รูปแบบ", "en": "pattern"},
    "primary_key": {"th": "คีย์หลัก", "en": "Primary key"},
    "references": {"th": "อ้างอิง", "en": "refers to"},
    "changes": {"th": "การเปลี่ยนแปลงของข้อมูล", "en": "What changed"},
    "changes_intro": {"th": "ค่าที่เพิ่ม ปรับปรุง หรือลบ ในแต่ละครั้งที่ข้อมูลเปลี่ยน จากประวัติ git ของโฟลเดอร์ data/ ใหม่สุดอยู่บนสุด",
                      "en": "Values added, revised or removed each time the data changed, from the git history of the data/ folder, newest first."},
    "changes_unavailable": {"th": "ไม่มีประวัติการเปลี่ยนแปลง (สร้างเว็บไซต์นอกคลัง git)", "en": "No history available (the site was built outside a git repository)."},
    "date": {"th": "วันที่", "en": "Date"},
    "change": {"th": "การเปลี่ยนแปลง", "en": "Change"},
    "added": {"th": "เพิ่มใหม่", "en": "added"},
    "removed": {"th": "ลบออก", "en": "removed"},
    "revised_value": {"th": "ปรับปรุงค่า", "en": "revised"},
    "change_subject": {"th": "{name} ปี {year}", "en": "{name}, {year}"},
    "change_subject_fiscal": {"th": "{name} ปีงบประมาณ {year}", "en": "{name}, FY {year}"},
    "change_subject_target": {"th": "{name} ค่าเป้าหมายปี {year}", "en": "{name}, target for {year}"},
    "change_added": {"th": "เพิ่มค่า {new}", "en": "added {new}"},
    "change_removed": {"th": "ลบค่า {old} ออก", "en": "removed {old}"},
    "change_revised": {"th": "ปรับจาก {old} เป็น {new}", "en": "revised from {old} to {new}"},
    "change_status_only": {"th": "ค่า {new} เท่าเดิม เปลี่ยนสถานะของตัวเลข", "en": "{new}, unchanged; the status of the figure changed"},
    "changes_on": {"th": "การเปลี่ยนแปลงของข้อมูล {date} ({n} รายการ)", "en": "Data changes of {date} ({n})"},
    "history": {"th": "ประวัติการแก้ไขค่า", "en": "What changed"},
    "history_more": {"th": "การเปลี่ยนแปลงทั้งหมดของทุกตัวชี้วัด", "en": "Every change to every indicator"},
    "feed": {"th": "ติดตามการเปลี่ยนแปลง (Atom feed)", "en": "Follow the changes (Atom feed)"},
    "commit": {"th": "รายการแก้ไข", "en": "Commit"},
    "all_sources": {"th": "แหล่งข้อมูลทั้งหมด", "en": "All sources"},
    "json_all": {"th": "ข้อมูลทุกตารางในไฟล์ JSON เดียว สำหรับนักพัฒนา", "en": "Every table in one JSON file, for programmers"},
    "zip_all": {"th": "ชุดข้อมูลทั้งหมด (datapackage.json, CSV, README, สัญญาอนุญาต) ตรวจสอบได้ด้วย frictionless validate",
                "en": "The whole package (datapackage.json, CSVs, README, licence); check it with frictionless validate"},
    "descriptor": {"th": "คำอธิบายชุดข้อมูลและโครงสร้างตาราง (Frictionless)", "en": "Package description and table schemas (Frictionless)"},
}


def label(key: str, lang: str, **values) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def display_year(year_ce: int | None, lang: str) -> str:
    """Thai readers count years in the Buddhist Era (C.E. + 543); English readers in C.E."""
    if year_ce is None:
        return ""
    return str(year_ce + BE_OFFSET) if lang == "th" else str(year_ce)


def year_label(year_ce: int, lang: str, year_type: str = "calendar") -> str:
    """'พ.ศ. 2568' / '2025', with fiscal years said to be fiscal years."""
    if year_type == "fiscal":
        return f"ปีงบประมาณ พ.ศ. {year_ce + BE_OFFSET}" if lang == "th" else f"FY {year_ce}"
    return f"พ.ศ. {year_ce + BE_OFFSET}" if lang == "th" else str(year_ce)


MONTHS = {"th": ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                 "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December")}


def display_date(day: dt.date | None, lang: str) -> str:
    """'15 กันยายน 2568' / '15 September 2025' (month names of our own: no locale needed)."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {display_year(day.year, lang)}"


def format_number(value: float | None, decimals: int = 0) -> str:
    """Thousands separators and a fixed number of decimals: 1234567.891, 1 -> '1,234,567.9'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # -0.04 shown with one decimal is "0.0", not "-0.0"
    return text


def format_baht(amount: float) -> str:
    """Whole baht without decimals, satang when there are any: 1500000 -> '1,500,000'."""
    return format_number(amount, 0 if float(amount).is_integer() else 2)


MONTHS = {
    "th": ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
           "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def format_date(iso: str, lang: str) -> str:
    """'2025-03-01' -> '1 มีนาคม 2568' / '1 March 2025' (an ISO date as text, e.g. a commit's)."""
    return display_date(dt.date.fromisoformat(iso), lang)


def format_change(value: float | None, decimals: int = 0) -> str:
    """A change with its sign: +1,234 / -5.5 / 0."""
    text = format_number(value, decimals)
    return text if not text or text.startswith("-") or float(text.replace(",", "")) == 0 else "+" + text


def format_percent(fraction: float | None) -> str:
    """A relative change: 0.0432 -> '+4.3%'."""
    return "" if fraction is None else format_change(fraction * 100, 1) + "%"


def format_rate(rate: float | None, method: str | None, decimals: int = 0) -> str:
    if rate is None:
        return ""
    if method == "compound":
        return f"{rate * 100:+.2f}%"
    return f"{rate:+,.{max(decimals, 2)}f}"


def plain_number(value: float) -> int | float:
    """1000000.0 -> 1000000: whole numbers written without a decimal point."""
    return int(value) if float(value).is_integer() else value

#!/usr/bin/env python3
"""Drives the explorer in headless Chromium, as a visitor would, and checks what renders.

Starts `barometer serve --demo` on loopback with a fresh store, then with Selenium and
Debian's chromium + chromium-driver: opens the home page, goes to the study, searches the
questions in Kazakh, opens "Opinion of Russia", switches the breakdown (age group), the wave
(autumn 2022), "without don't know", and the language (Russian, Kazakh), and checks each time
that the chart (inline SVG with the expected labels) and the table with intervals changed as
they should — not just that the page answered. Then the poll database (the published polls of
examples/polls-war-side.csv, imported first): the list of questions and a question's chart,
latest average, house effects and polls, switching the answer, in English, Russian and
Kazakh. Also checks the phone layout and that an unknown page is a 404 with one sentence.
Screenshots go to --shots for a person to look at.

    python3 explorer-tests/browser.py --barometer .build/debug/barometer
Installs what it needs when missing: chromium and chromium-driver (apt), selenium (pip).
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def ensure_tools():
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("installing chromium and chromium-driver (apt)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        # A fresh machine has no package lists yet: read them once first.
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"], check=True,
                       env=env, stdout=subprocess.DEVNULL)
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("installing selenium (pip)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "selenium"], check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--barometer", default=".build/debug/barometer")
    parser.add_argument("--shots", default=".build-explorer/screenshots")
    args = parser.parse_args()
    ensure_tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    os.makedirs(args.shots, exist_ok=True)
    data = tempfile.mkdtemp(prefix="barometer-explorer-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(args.shots, "server.log"), "w")
    polls = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "polls-war-side.csv")
    subprocess.run([args.barometer, "polls", "import", polls, "--data", data], check=True, stdout=log, stderr=subprocess.STDOUT)
    # A staff account (its password is printed once).
    created = subprocess.run([args.barometer, "serve", "--create-token", "staff", "--data", data],
                             check=True, capture_output=True, text=True).stdout
    staff_password = created.split("with the password ", 1)[1].split()[0]
    server = subprocess.Popen([args.barometer, "serve", "--demo", "--data", data, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what, flush=True)
        if not condition:
            failures.append(what)

    try:
        wait_for(base + "/health")
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium")
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        wait = WebDriverWait(driver, 30)

        def shot(name):
            driver.save_screenshot(os.path.join(args.shots, name + ".png"))

        def svg_text():
            return " ".join(e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, "#chart .chart-wide svg text"))

        def reloaded(old):
            wait.until(lambda d: d.find_element(By.TAG_NAME, "html").id != old)

        # Home → study.
        driver.get(base + "/")
        check("Barometer explorer" in driver.title, "home page title")
        links = driver.find_elements(By.CSS_SELECTOR, "a.study")
        check(len(links) == 1, "home lists the demo study")
        links[0].click()
        wait.until(lambda d: d.find_elements(By.ID, "concepts"))
        shot("1-study")
        # Search in Kazakh.
        box = driver.find_element(By.ID, "q")
        box.send_keys("Ресей")
        old = driver.find_element(By.TAG_NAME, "html").id
        box.submit()
        reloaded(old)
        found = driver.find_elements(By.CSS_SELECTOR, "#concepts li.concept a")
        check(any("opinion_russia" in a.get_attribute("href") for a in found), "search 'Ресей' finds Opinion of Russia")
        check(not any("opinion_china" in a.get_attribute("href") for a in found), "search 'Ресей' leaves out the opinion of China")
        # The question: trend over all waves.
        driver.get(base + "/studies/demo/concepts/opinion_russia")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
        text = svg_text()
        check("Opinion of Russia" in text and "Very favourable" in text, "trend chart drawn with its title and levels")
        check("Russia's full-scale invasion of Ukraine" in text, "trend chart marks the events")
        rows = driver.find_elements(By.CSS_SELECTOR, "#estimates tbody tr")
        check(len(rows) >= 16 * 6, f"table has a row per wave and level ({len(rows)})")
        shot("2-question-trend")
        # Breakdown by age group.
        old = driver.find_element(By.TAG_NAME, "html").id
        Select(driver.find_element(By.ID, "by")).select_by_value("agegroup")
        reloaded(old)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
        check("by=agegroup" in driver.current_url, "choosing a breakdown changes the URL")
        text = svg_text()
        check("18–29" in text and "60+" in text, "chart has a panel per age group")
        table = driver.find_element(By.ID, "estimates").text
        check("18–29" in table and "60+" in table, "table breaks down by age group")
        shot("3-by-age")
        # One wave.
        old = driver.find_element(By.TAG_NAME, "html").id
        Select(driver.find_element(By.ID, "wave")).select_by_value("2022-autumn")
        reloaded(old)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
        check("wave=2022-autumn" in driver.current_url and "by=agegroup" in driver.current_url, "wave and breakdown in the URL")
        text = svg_text()
        check("Autumn 2022" in text and "18–29" in text, "bars for autumn 2022 by age group")
        verdicts = driver.find_element(By.ID, "verdicts").text
        check("Rao–Scott F" in verdicts, "verdict on the difference between age groups")
        shot("4-autumn-2022-by-age")
        # Without don't know.
        old = driver.find_element(By.TAG_NAME, "html").id
        Select(driver.find_element(By.ID, "missing")).select_by_value("exclude")
        reloaded(old)
        table = driver.find_element(By.ID, "estimates").text
        check("Don't know" not in table and "Refused" not in table, "'without don't know' drops DK and refused")
        # Language: Russian, then Kazakh.
        old = driver.find_element(By.TAG_NAME, "html").id
        driver.find_element(By.CSS_SELECTOR, "a.lang[hreflang=ru]").click()
        reloaded(old)
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru", "page in Russian")
        check("Мнение о России" in driver.find_element(By.TAG_NAME, "h1").text or "России" in driver.find_element(By.TAG_NAME, "h1").text, "question title in Russian")
        check("Разбивка" in driver.find_element(By.ID, "controls").text, "interface in Russian")
        check("wave=2022-autumn" in driver.current_url and "missing=exclude" in driver.current_url, "language switch keeps the view")
        shot("5-russian")
        old = driver.find_element(By.TAG_NAME, "html").id
        driver.find_element(By.CSS_SELECTOR, "a.lang[hreflang=kk]").click()
        reloaded(old)
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk", "page in Kazakh")
        check("Бөлу" in driver.find_element(By.ID, "controls").text, "interface in Kazakh")
        check("Ресей" in svg_text(), "chart text in Kazakh")
        shot("6-kazakh")
        # Downloads and embed point at the same view.
        csv = driver.find_element(By.ID, "download-csv").get_attribute("href")
        with urllib.request.urlopen(csv) as r:
            body = r.read().decode()
        check(body.startswith("variable,statistic") and "2022-autumn" in body, "CSV download of the view")
        xlsx_link = driver.find_element(By.ID, "download-xlsx")
        check(xlsx_link.text == "Кесте (XLSX)", "XLSX link named in Kazakh")
        with urllib.request.urlopen(xlsx_link.get_attribute("href")) as r:
            workbook = r.read()
            kind = r.headers.get("Content-Type")
        check(workbook.startswith(b"PK\x03\x04") and kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "XLSX download of the view")
        embed = driver.find_element(By.ID, "embed").get_attribute("value")
        check("<iframe" in embed and "/embed/studies/demo/concepts/opinion_russia" in embed, "embed snippet")
        # The poll database, reached from the navigation, in every language.
        driver.get(base + "/")
        driver.find_element(By.CSS_SELECTOR, "a.section[href='/polls']").click()
        wait.until(lambda d: d.find_elements(By.ID, "poll-questions"))
        for lang, heading in [("en", "Polls"), ("ru", "Опросы"), ("kk", "Сауалнамалар")]:
            suffix = "" if lang == "en" else "?lang=" + lang
            driver.get(base + "/polls" + suffix)
            wait.until(lambda d: d.find_elements(By.ID, "poll-questions"))
            check(driver.find_element(By.TAG_NAME, "h1").text == heading, f"polls list in {lang}")
            links = [a for a in driver.find_elements(By.CSS_SELECTOR, "#poll-questions a") if "/polls/war_side" in a.get_attribute("href")]
            check(len(links) == 1, f"polls list names war_side ({lang})")
            shot(f"8-polls-{lang}")
            old = driver.find_element(By.TAG_NAME, "html").id
            links[0].click()
            reloaded(old)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
            titles = {"en": "Which side of the conflict do you support?", "ru": "Какую сторону поддерживают в войне в Украине",
                      "kk": "Украинадағы соғыста қай тарапты қолдайды"}
            check(driver.find_element(By.TAG_NAME, "h1").text == titles[lang], f"the question's title in {lang}")
            dots = driver.find_elements(By.CSS_SELECTOR, "#chart .chart-wide svg .poll-dot")
            check(len(dots) == 3, f"a dot per poll ({lang}: {len(dots)})")
            check(len(driver.find_elements(By.CSS_SELECTOR, "#chart .chart-wide svg .average-band")) == 1, f"the average's band ({lang})")
            # Demoscope's three national polls and the two age groups of November 2022 (not in the average).
            check(len(driver.find_elements(By.CSS_SELECTOR, "#poll-list tr.poll")) == 5, f"the polls listed with sources ({lang})")
            check(len(driver.find_elements(By.ID, "not-averaged")) == 1, f"the page says which polls are not in the average ({lang})")
            check(driver.find_elements(By.CSS_SELECTOR, "#house-effects table"), f"house-effect table ({lang})")
            old = driver.find_element(By.TAG_NAME, "html").id
            Select(driver.find_element(By.ID, "answer")).select_by_value("Russia")
            reloaded(old)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
            check("answer=Russia" in driver.current_url and (lang == "en" or f"lang={lang}" in driver.current_url),
                  f"choosing an answer keeps the language in the URL ({lang})")
            latest = driver.find_element(By.ID, "latest")
            estimate = float(latest.get_attribute("data-estimate"))
            check(f"{estimate * 100:.1f}%" in latest.text and "2023-05-07" in latest.text, f"latest average shown ({lang}: {latest.text})")
            if lang != "en":
                check("Russia" in svg_text() and "Average of the polls" not in svg_text(), f"chart text in {lang}")
            shot(f"9-poll-question-{lang}")
        with urllib.request.urlopen(base + "/api/v1/polls/chart.svg?question=war_side&answer=Russia&lang=kk") as r:
            body = r.read().decode()
            check(r.headers["Content-Type"].startswith("image/svg+xml") and "Сауалнамалар орташасы" in body, "chart.svg in Kazakh")
        # A coded open-ended question: listed on the study page, its categories across waves and
        # by group, in every language, and never what a respondent typed.
        codes = {"en": "Russia's domestic qualities", "ru": "Внутренние качества России", "kk": "Ресейдің ішкі қасиеттері"}
        for lang, heading, respondents in [("en", "Coded open-ended questions", "Respondents who answered"),
                                           ("ru", "Закодированные открытые вопросы", "Ответивших респондентов"),
                                           ("kk", "Кодталған ашық сұрақтар", "Жауап берген респонденттер")]:
            driver.get(base + "/studies/demo" + ("" if lang == "en" else "?lang=" + lang))
            wait.until(lambda d: d.find_elements(By.ID, "coded"))
            check(heading in driver.find_element(By.TAG_NAME, "main").text, f"the study lists its coded questions ({lang})")
            old = driver.find_element(By.TAG_NAME, "html").id
            driver.find_element(By.CSS_SELECTOR, "#coded a").click()
            reloaded(old)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
            check(codes[lang] in svg_text(), f"the trend of mentions names the codes in the page's language ({lang})")
            rows = driver.find_elements(By.CSS_SELECTOR, "#estimates tbody tr")
            check(len(rows) >= 16 * 7, f"a row per wave and code ({lang}: {len(rows)})")
            shot(f"11-coded-{lang}")
            for choice, value in [("by", "language"), ("wave", "2019-autumn"), ("base", "respondents")]:
                old = driver.find_element(By.TAG_NAME, "html").id
                Select(driver.find_element(By.ID, choice)).select_by_value(value)
                reloaded(old)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
            check("base=respondents" in driver.current_url and "by=language" in driver.current_url and "wave=2019-autumn" in driver.current_url,
                  f"the view's choices are in the URL ({lang})")
            check(respondents in driver.find_element(By.ID, "controls").text, f"the base is named in {lang}")
            verdicts = driver.find_elements(By.ID, "verdicts")
            check(codes[lang] in driver.find_element(By.ID, "estimates").text, f"the table by language names the codes ({lang})")
            shot(f"12-coded-by-language-{lang}")
        # Phone.
        driver.set_window_size(390, 1400)
        driver.get(base + "/studies/demo/concepts/opinion_russia?wave=2022-autumn")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
        narrow = driver.find_element(By.CSS_SELECTOR, "#chart .chart-narrow")
        check(narrow.is_displayed() and not driver.find_element(By.CSS_SELECTOR, "#chart .chart-wide").is_displayed(), "phone layout shows the narrow chart")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(width <= 400, f"no horizontal scrolling on a phone ({width}px)")
        shot("7-phone")
        driver.get(base + "/polls/war_side?answer=Russia")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
        check(driver.find_element(By.CSS_SELECTOR, "#chart .chart-narrow").is_displayed(), "phone layout shows the narrow poll chart")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(width <= 400, f"no horizontal scrolling on a phone on the poll page ({width}px)")
        shot("10-poll-phone")
        # Keyboard: the first tab stop is the skip link.
        driver.set_window_size(1200, 1600)
        driver.get(base + "/studies/demo/concepts/opinion_russia")
        from selenium.webdriver.common.keys import Keys
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        check(driver.switch_to.active_element.get_attribute("class") == "skip", "first tab stop skips to the content")
        check(all(driver.find_elements(By.CSS_SELECTOR, f"label[for={i}]") for i in ["by", "wave", "missing", "filter"]), "every control has a label")
        # Staff: sign in through the form in each language, see the header, sign out.
        headers = {"en": "Signed in as staff", "ru": "Вы вошли как staff", "kk": "Сіз staff ретінде кірдіңіз"}
        for language in ["kk", "ru", "en"]:
            driver.get(base + f"/sign-in?lang={language}")
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"sign-in page in {language}")
            check(not driver.find_elements(By.CSS_SELECTOR, "form.staff"), f"the public sees no staff header ({language})")
            shot(f"20-sign-in-{language}")
            driver.find_element(By.ID, "username").send_keys("staff")
            driver.find_element(By.ID, "password").send_keys("not the password")
            old = driver.find_element(By.TAG_NAME, "html").id
            driver.find_element(By.CSS_SELECTOR, "form.sign-in button").click()
            reloaded(old)
            check(driver.find_elements(By.CSS_SELECTOR, ".refusal"), f"a wrong password is refused with a sentence ({language})")
            driver.find_element(By.ID, "username").send_keys("staff")
            driver.find_element(By.ID, "password").send_keys(staff_password)
            old = driver.find_element(By.TAG_NAME, "html").id
            driver.find_element(By.CSS_SELECTOR, "form.sign-in button").click()
            reloaded(old)
            staff = driver.find_elements(By.CSS_SELECTOR, "form.staff")
            check(bool(staff) and headers[language] in staff[0].text, f"signed in: the header names the analyst ({language})")
            driver.get(base + f"/studies/demo/concepts/opinion_russia?lang={language}")
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chart svg"))
            shot(f"21-staff-header-{language}")
            # Save the view under a name, find it in /saved, open its permalink.
            name = {"en": "Russia by sex", "ru": "Россия по полу", "kk": "Ресей жыныс бойынша"}[language]
            driver.find_element(By.ID, "save-name").send_keys(name)
            old = driver.find_element(By.TAG_NAME, "html").id
            driver.find_element(By.CSS_SELECTOR, "form.save button").click()
            reloaded(old)
            check(driver.find_element(By.TAG_NAME, "h1").text == name and driver.find_elements(By.CSS_SELECTOR, "#estimates table"),
                  f"the saved view's permalink shows its name and table ({language})")
            permalink = driver.current_url
            driver.find_element(By.CSS_SELECTOR, "form.staff a").click()
            wait.until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
            check(name in driver.find_element(By.ID, "saved").text, f"/saved lists the saved view ({language})")
            shot(f"22-saved-{language}")
            old = driver.find_element(By.TAG_NAME, "html").id
            driver.find_element(By.CSS_SELECTOR, "form.staff button").click()
            reloaded(old)
            check(not driver.find_elements(By.CSS_SELECTOR, "form.staff"), f"signed out: no staff header ({language})")
            driver.get(permalink)
            check(not driver.find_elements(By.ID, "estimates") and driver.find_elements(By.ID, "error"), f"signed out: the permalink is not found ({language})")
        # An unknown question.
        driver.get(base + "/studies/demo/concepts/nothing")
        check("has no question" in driver.find_element(By.ID, "error").text, "unknown question: one sentence")
        driver.quit()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
            check(server.returncode == 0, "server stops gracefully on SIGINT")
        except subprocess.TimeoutExpired:
            server.kill()
            failures.append("server did not stop on SIGINT")
        log.close()
        shutil.rmtree(data, ignore_errors=True)
    with open(os.path.join(args.shots, "server.log")) as f:
        errors = [line for line in f if " 5" in line and "status=5" in line]
    check(not errors, "no 5xx in the server log")
    if failures:
        print(f"{len(failures)} check(s) failed: " + "; ".join(failures))
        sys.exit(1)
    print(f"explorer: all checks passed; screenshots in {args.shots}")


if __name__ == "__main__":
    main()
